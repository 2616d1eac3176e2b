import type { ProviderManifest } from '../../manifest/manifest-schema';
import { chargebee } from './chargebee';
import { coinbaseCommerce } from './coinbase_commerce';
import { gocardless } from './gocardless';
import { mollie } from './mollie';
import { paddle } from './paddle';
import { paypal } from './paypal';
import { paystack } from './paystack';
import { razorpay } from './razorpay';
import { recurly } from './recurly';

export const paymentsManifests: ProviderManifest[] = [
  chargebee,
  coinbaseCommerce,
  gocardless,
  mollie,
  paddle,
  paypal,
  paystack,
  razorpay,
  recurly,
];
