import * as z from 'zod';
import { Headers, HttpUrl, call, defineAction } from '../provider-kit';
import type { ProviderDefinition } from '../types';

const SendParams = z.strictObject({
  url: HttpUrl,
  /** Sent as the JSON body. */
  payload: z.unknown().default({}),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  headers: Headers.optional(),
});

/** Deliver a JSON payload to a URL (Zapier, Make, an own endpoint...). */
export const webhook: ProviderDefinition = {
  name: 'webhook',
  title: 'Webhook',
  category: 'utility',
  description: 'POST a JSON payload to any public URL.',
  verification: 'wire-tested',
  credentialType: 'none',
  actions: {
    send: defineAction({
      description: 'POST (or PUT/PATCH) a JSON payload to a URL.',
      params: SendParams,
      async execute(params, ctx) {
        const result = await call(ctx, {
          method: params.method,
          url: params.url,
          ...(params.headers ? { headers: params.headers } : {}),
          json: params.payload ?? {},
        });
        return {
          success: result.status < 400,
          output: { status: result.status, body: result.data },
          message: `Webhook responded ${result.status}`,
        };
      },
    }),
  },
};
