import type { ProviderManifest } from '../manifest/manifest-schema';
import { aiManifests } from './ai';
import { messagingManifests } from './messaging';
import { emailManifests } from './email';
import { productivityManifests } from './productivity';
import { developerManifests } from './developer';
import { crmManifests } from './crm';
import { supportManifests } from './support';
import { marketingManifests } from './marketing';
import { commerceManifests } from './commerce';
import { paymentsManifests } from './payments';
import { financeManifests } from './finance';
import { dataManifests } from './data';
import { storageManifests } from './storage';
import { analyticsManifests } from './analytics';
import { socialManifests } from './social';
import { utilityManifests } from './utility';

/**
 * Every provider described as data, one folder per category and one file per provider
 * (each file's name is the provider's). The registry runs them with the generic executor.
 */
export const CATALOG_MANIFESTS: readonly ProviderManifest[] = [
  ...aiManifests,
  ...messagingManifests,
  ...emailManifests,
  ...productivityManifests,
  ...developerManifests,
  ...crmManifests,
  ...supportManifests,
  ...marketingManifests,
  ...commerceManifests,
  ...paymentsManifests,
  ...financeManifests,
  ...dataManifests,
  ...storageManifests,
  ...analyticsManifests,
  ...socialManifests,
  ...utilityManifests,
];
