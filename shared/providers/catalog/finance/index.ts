import type { ProviderManifest } from '../../manifest/manifest-schema';
import { finnhub } from './finnhub';
import { openExchangeRates } from './open_exchange_rates';
import { plaid } from './plaid';
import { quickbooks } from './quickbooks';
import { wise } from './wise';
import { xero } from './xero';

export const financeManifests: ProviderManifest[] = [
  finnhub,
  openExchangeRates,
  plaid,
  quickbooks,
  wise,
  xero,
];
