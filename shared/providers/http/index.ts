import * as z from 'zod';
import {
  Headers,
  HttpMethod,
  HttpUrl,
  QueryParams,
  call,
  defineAction,
  idempotentMethod,
} from '../provider-kit';
import type { ProviderDefinition } from '../types';

export const HttpRequestParams = z.strictObject({
  method: HttpMethod,
  url: HttpUrl,
  headers: Headers.optional(),
  query: QueryParams.optional(),
  /** A string is sent as text; anything else as JSON. */
  body: z.unknown().optional(),
});

function withQuery(url: string, query: z.infer<typeof QueryParams> | undefined): string {
  if (!query) return url;
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(query)) parsed.searchParams.append(name, String(value));
  return parsed.toString();
}

/** Any HTTP call to a public URL. Authenticated APIs belong in custom integrations, whose keys are stored encrypted. */
export const http: ProviderDefinition = {
  name: 'http',
  title: 'HTTP request',
  category: 'utility',
  description: 'Call any public HTTP endpoint, with the outbound guard applied.',
  verification: 'wire-tested',
  credentialType: 'none',
  actions: {
    request: defineAction({
      description: 'Send an HTTP request (any method; a string body is sent as text, anything else as JSON).',
      params: HttpRequestParams,
      idempotent: idempotentMethod,
      async execute(params, ctx) {
        const method = params.method.toUpperCase();
        const headers = Object.fromEntries(
          Object.entries(params.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        );
        const isText = typeof params.body === 'string';
        if (isText) headers['content-type'] ??= 'text/plain; charset=utf-8';
        const result = await call(ctx, {
          method,
          url: withQuery(params.url, params.query),
          headers,
          ...(params.body === undefined
            ? {}
            : isText
              ? { raw: params.body as string }
              : { json: params.body }),
        });
        const output = { status: result.status, headers: result.headers, body: result.data };
        const success = result.status < 400;
        return { success, output, message: `${method} responded ${result.status}` };
      },
    }),
  },
};
