import type { ProviderManifest } from '../../manifest/manifest-schema';
import { bigcommerce } from './bigcommerce';
import { easypost } from './easypost';
import { gumroad } from './gumroad';
import { lemonSqueezy } from './lemon_squeezy';
import { printful } from './printful';
import { shippo } from './shippo';
import { shopify } from './shopify';
import { square } from './square';
import { woocommerce } from './woocommerce';

export const commerceManifests: ProviderManifest[] = [
  bigcommerce,
  easypost,
  gumroad,
  lemonSqueezy,
  printful,
  shippo,
  shopify,
  square,
  woocommerce,
];
