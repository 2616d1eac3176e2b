import * as z from 'zod';
import { call, defineAction, joinUrl, pickString, requireCredential, upstreamFailure } from '../provider-kit';
import type { ActionContext, ProviderDefinition } from '../types';
import { idempotencyKey, formEncode } from '../form-encoding';

export const STRIPE_API_BASE_URL = 'https://api.stripe.com';

const Metadata = z.record(z.string().max(40), z.string().max(500));
const StripeId = z.string().regex(/^[A-Za-z0-9_]{1,255}$/, 'not a Stripe id');

const CreateCustomerParams = z.strictObject({
  email: z.email().optional(),
  name: z.string().max(256).optional(),
  phone: z.string().max(20).optional(),
  description: z.string().max(350).optional(),
  metadata: Metadata.optional(),
});

const CreatePaymentIntentParams = z.strictObject({
  /** In the currency's smallest unit (cents). */
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter ISO currency code'),
  customer: StripeId.optional(),
  description: z.string().max(1000).optional(),
  receipt_email: z.email().optional(),
  payment_method_types: z.array(z.string().max(64)).max(20).optional(),
  metadata: Metadata.optional(),
});

async function post(api: string, path: string, params: Record<string, unknown>, ctx: ActionContext) {
  const key = requireCredential(ctx, 'stripe', 'secret key');
  const result = await call(ctx, {
    method: 'POST',
    url: joinUrl(api, path),
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': idempotencyKey(ctx.runId, ctx.stepId),
    },
    raw: formEncode(params),
  });
  if (result.status >= 400)
    return upstreamFailure('Stripe', result, pickString(result.data, 'error', 'message'));
  const object = (result.data ?? {}) as { id?: string; object?: string };
  return {
    success: true,
    output: object,
    message: `Stripe ${object.object ?? 'object'} ${object.id ?? ''} created`,
  };
}

/** `apiBaseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export function createStripeProvider(options: { apiBaseUrl?: string } = {}): ProviderDefinition {
  const api = options.apiBaseUrl ?? STRIPE_API_BASE_URL;
  return {
    name: 'stripe',
    title: 'Stripe',
    category: 'payments',
    description:
      'Create Stripe customers and PaymentIntents, each retry de-duplicated by an idempotency key.',
    docsUrl: 'https://docs.stripe.com/api',
    verification: 'wire-tested',
    credentialType: 'api_key',
    actions: {
      create_customer: defineAction({
        description: 'Create a customer.',
        params: CreateCustomerParams,
        execute: (params, ctx) => post(api, '/v1/customers', params, ctx),
      }),
      create_payment_intent: defineAction({
        description: 'Create a PaymentIntent (amount in the smallest currency unit).',
        params: CreatePaymentIntentParams,
        execute: (params, ctx) =>
          post(api, '/v1/payment_intents', { ...params, currency: params.currency.toLowerCase() }, ctx),
      }),
    },
  };
}

export const stripe = createStripeProvider();
