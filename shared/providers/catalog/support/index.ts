import type { ProviderManifest } from '../../manifest/manifest-schema';
import { crisp } from './crisp';
import { freshdesk } from './freshdesk';
import { freshservice } from './freshservice';
import { front } from './front';
import { gorgias } from './gorgias';
import { helpScout } from './help_scout';
import { intercom } from './intercom';
import { kustomer } from './kustomer';
import { servicenow } from './servicenow';
import { zammad } from './zammad';
import { zendesk } from './zendesk';
import { zohoDesk } from './zoho_desk';

export const supportManifests: ProviderManifest[] = [
  crisp,
  freshdesk,
  freshservice,
  front,
  gorgias,
  helpScout,
  intercom,
  kustomer,
  servicenow,
  zammad,
  zendesk,
  zohoDesk,
];
