import type { ProviderManifest } from '../../manifest/manifest-schema';
import { activecampaign } from './activecampaign';
import { beehiiv } from './beehiiv';
import { braze } from './braze';
import { campaignMonitor } from './campaign_monitor';
import { customerio } from './customerio';
import { customerioApp } from './customerio_app';
import { drip } from './drip';
import { getresponse } from './getresponse';
import { iterable } from './iterable';
import { kit } from './kit';
import { klaviyo } from './klaviyo';
import { mailchimp } from './mailchimp';
import { mailerlite } from './mailerlite';
import { omnisend } from './omnisend';
import { onesignal } from './onesignal';

export const marketingManifests: ProviderManifest[] = [
  activecampaign,
  beehiiv,
  braze,
  campaignMonitor,
  customerio,
  customerioApp,
  drip,
  getresponse,
  iterable,
  kit,
  klaviyo,
  mailchimp,
  mailerlite,
  omnisend,
  onesignal,
];
