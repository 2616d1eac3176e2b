import * as z from 'zod';
import {
  Headers,
  HttpMethod,
  QueryParams,
  call,
  defineAction,
  idempotentMethod,
  joinUrl,
  requireCredential,
} from '../provider-kit';
import type { ProviderDefinition } from '../types';

/** Custom integrations are providers named `custom_<integration id>`. */
export const CUSTOM_PROVIDER_PREFIX = 'custom_';

export const CUSTOM_AUTH_TYPES = ['bearer', 'header', 'query', 'basic', 'none'] as const;
export type CustomAuthType = (typeof CUSTOM_AUTH_TYPES)[number];

/** What the provider needs from a stored integration. */
export interface CustomIntegrationConfig {
  id: string;
  name: string;
  baseUrl: string;
  /** `name` is the header (`header`) or query parameter (`query`) that carries the credential. */
  auth: { type: CustomAuthType; name?: string };
  defaultHeaders: Record<string, string>;
}

export function customProviderName(integrationId: string): string {
  return `${CUSTOM_PROVIDER_PREFIX}${integrationId}`;
}

/** The integration id in `custom_<id>`, or undefined for any other provider name. */
export function integrationIdOf(providerName: string): string | undefined {
  if (!providerName.startsWith(CUSTOM_PROVIDER_PREFIX)) return undefined;
  const id = providerName.slice(CUSTOM_PROVIDER_PREFIX.length);
  return id === '' ? undefined : id;
}

export const CustomRequestParams = z.strictObject({
  method: HttpMethod,
  /** Appended to the integration's base URL; use `query` for the query string. */
  path: z
    .string()
    .max(2048)
    .regex(/^\/[^?#\s]*$/, 'must start with / and contain no ?, # or spaces')
    .default('/'),
  query: QueryParams.optional(),
  headers: Headers.optional(),
  /** A string is sent as text; anything else as JSON. */
  body: z.unknown().optional(),
});

function authorize(
  config: CustomIntegrationConfig,
  credential: string,
  url: URL,
  headers: Record<string, string>,
): void {
  const { type, name } = config.auth;
  switch (type) {
    case 'bearer':
      headers.authorization = `Bearer ${credential}`;
      return;
    case 'basic':
      // The stored credential is `user:password`, as in the URL form people copy from docs.
      headers.authorization = `Basic ${Buffer.from(credential, 'utf8').toString('base64')}`;
      return;
    case 'header':
      headers[(name ?? 'x-api-key').toLowerCase()] = credential;
      return;
    case 'query':
      url.searchParams.set(name ?? 'api_key', credential);
      return;
    case 'none':
      return;
  }
}

/** One user's integration as a provider; the credential is the one stored under `custom_<id>`. */
export function createCustomProvider(config: CustomIntegrationConfig): ProviderDefinition {
  const name = customProviderName(config.id);
  return {
    name,
    title: config.name,
    category: 'utility',
    description: `Your custom integration ${config.name}.`,
    verification: 'user-defined',
    credentialType: config.auth.type === 'none' ? 'none' : 'custom',
    actions: {
      request: defineAction({
        description: `Call ${config.name}: the path is appended to its base URL and its stored auth is applied.`,
        params: CustomRequestParams,
        idempotent: idempotentMethod,
        async execute(params, ctx) {
          const base = new URL(config.baseUrl);
          const url = new URL(joinUrl(config.baseUrl, params.path));
          // The path cannot leave the integration's host, whatever it contains.
          if (url.origin !== base.origin) throw new Error('The path must stay on the integration host');
          for (const [key, value] of Object.entries(params.query ?? {}))
            url.searchParams.append(key, String(value));
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries({ ...config.defaultHeaders, ...params.headers })) {
            headers[k.toLowerCase()] = v;
          }
          if (config.auth.type !== 'none') authorize(config, requireCredential(ctx, name), url, headers);
          const isText = typeof params.body === 'string';
          if (isText) headers['content-type'] ??= 'text/plain; charset=utf-8';
          const method = params.method.toUpperCase();
          const result = await call(ctx, {
            method,
            url: url.toString(),
            headers,
            ...(params.body === undefined
              ? {}
              : isText
                ? { raw: params.body as string }
                : { json: params.body }),
          });
          return {
            success: result.status < 400,
            output: { status: result.status, headers: result.headers, body: result.data },
            message: `${config.name} ${method} ${params.path} responded ${result.status}`,
          };
        },
      }),
    },
  };
}
