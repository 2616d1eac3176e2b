import type { ProviderManifest } from '../../manifest/manifest-schema';
import { attio } from './attio';
import { capsule } from './capsule';
import { close } from './close';
import { copper } from './copper';
import { dynamics365 } from './dynamics_365';
import { freshsales } from './freshsales';
import { hubspot } from './hubspot';
import { insightly } from './insightly';
import { keap } from './keap';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zohoCrm } from './zoho_crm';

export const crmManifests: ProviderManifest[] = [
  attio,
  capsule,
  close,
  copper,
  dynamics365,
  freshsales,
  hubspot,
  insightly,
  keap,
  pipedrive,
  salesforce,
  zohoCrm,
];
