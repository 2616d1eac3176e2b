import * as z from 'zod';
import { PROVIDER_CATEGORIES, VERIFICATION_LEVELS } from '../types';
import { jsonSchemaShape } from './param-schema';

/**
 * A provider described as data: who the vendor is, where the credential goes, and for each
 * action the HTTP request it makes and how to read the answer. One generic executor
 * (./manifest-provider.ts) runs every manifest; this schema checks each one at load and in
 * the tests, so a manifest that would misbehave never reaches a run.
 *
 * Templates: `{name}` in `baseUrl` and in auth values is a credential field; `{name}` in an
 * action's `path` is a path param. Nothing else is interpolated.
 */

const Name = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower-case letters, digits and _');
const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, 'not a valid header name');
/** A dotted path into a JSON value: `error.message`, `items.0.id`. Empty: the whole value. */
const DottedPath = z.string().regex(/^(?:[A-Za-z0-9_$@-]+(?:\.[A-Za-z0-9_$@-]+)*)?$/, 'not a dotted path');

/** One field of the stored credential. A credential with one field is that field's plain string. */
const CredentialField = z.strictObject({
  description: z.string().min(3).max(300),
  /** Redacted everywhere; the default for a credential's only field. */
  secret: z.boolean().optional(),
  /** Values must match (required for a field that goes into the base URL). */
  pattern: z.string().optional(),
  /** Allowed values, for example the vendor's regions. */
  enum: z.array(z.string()).min(1).optional(),
  /** Used when the stored credential leaves the field out. */
  default: z.string().optional(),
});

/** Where a credential value goes: a header (bearer, custom, prefixed), a query parameter, basic auth, or the body. */
const Placement = z.discriminatedUnion('in', [
  z.strictObject({ in: z.literal('header'), name: HeaderName, value: z.string().min(1) }),
  z.strictObject({ in: z.literal('query'), name: z.string().min(1).max(64), value: z.string().min(1) }),
  z.strictObject({ in: z.literal('basic'), username: z.string(), password: z.string() }),
  /** A field of the JSON or form body (Mandrill's `key`, PagerDuty's `routing_key`). */
  z.strictObject({ in: z.literal('body'), path: DottedPath.min(1), value: z.string().min(1) }),
]);

const Auth = z.strictObject({
  credentialType: z.enum(['api_key', 'token', 'oauth', 'custom', 'none']),
  /** What the credential holds; default `{token: secret}`. Several fields: a JSON object. */
  fields: z.record(Name, CredentialField).optional(),
  /** How to present it. Empty for credentials that only build the base URL (a webhook URL). */
  apply: z.array(Placement).max(4).default([]),
  /** Tells the user what to store, shown in the listing. */
  hint: z.string().max(300).optional(),
});

/** One param as the plan writes it: a JSON Schema, plus where it goes on the wire. */
const Param = z.strictObject({
  ...jsonSchemaShape,
  in: z.enum(['path', 'query', 'header', 'body']),
  /** The plan must give it (an object param's own required keys go in its `properties`' schemas). */
  required: z.boolean().optional(),
  /**
   * The name on the wire when it differs (`X-Request-Id`, `To`); for body params a dotted
   * path, or `$` for the whole body (an array, or an object the other body params go into).
   */
  wire: z.string().min(1).max(200).optional(),
  /** Multipart only: sent as a file part (its content is the string value). */
  file: z.strictObject({ filename: z.string().min(1), contentType: z.string().min(3) }).optional(),
});

const Pagination = z.discriminatedUnion('style', [
  /** The next cursor is in the body; it goes back as a query (or body) parameter. */
  z.strictObject({
    style: z.literal('cursor'),
    items: DottedPath,
    next: DottedPath,
    param: z.string().min(1),
    in: z.enum(['query', 'body']).default('query'),
  }),
  /** Page numbers; the last page is the one with fewer items than `size`, or none. */
  z.strictObject({
    style: z.literal('page'),
    items: DottedPath,
    param: z.string().min(1),
    first: z.number().int().nonnegative().default(1),
    sizeParam: z.string().min(1),
    size: z.number().int().positive(),
  }),
  /** Offsets; like pages, the last is short or empty. */
  z.strictObject({
    style: z.literal('offset'),
    items: DottedPath,
    param: z.string().min(1),
    sizeParam: z.string().min(1),
    size: z.number().int().positive(),
  }),
  /** RFC 8288 `Link: <…>; rel="next"` (GitHub, GitLab, Shopify). */
  z.strictObject({ style: z.literal('link'), items: DottedPath }),
  /** A full next-page URL in the body (HubSpot's paging.next.link, Zendesk's next_page). */
  z.strictObject({ style: z.literal('next_url'), items: DottedPath, next: DottedPath }),
  /** `has_more` and the last item's id as the next `starting_after` (Stripe). */
  z.strictObject({
    style: z.literal('after_last'),
    items: DottedPath,
    more: DottedPath,
    param: z.string().min(1),
    id: DottedPath.default('id'),
  }),
]);

const Action = z.strictObject({
  description: z.string().min(10).max(400),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** Appended to the base URL; `{param}` are path params (each must be declared `in: path`). */
  path: z.string().regex(/^(?:\/[^\s?#]*)?$/, 'starts with / and has no query or fragment'),
  params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), Param).default({}),
  /** How body params are encoded (default json when the action has body params). */
  encoding: z.enum(['json', 'form', 'multipart']).optional(),
  /** Fixed parts of every request: `{api-version: '…'}`, `{stream: false}`. */
  constants: z
    .strictObject({
      query: z.record(z.string(), z.string()).optional(),
      headers: z.record(HeaderName, z.string()).optional(),
      body: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  /** The step's output: a path into the response, or named picks. Default: the whole response. */
  output: z.union([DottedPath, z.record(z.string(), DottedPath)]).optional(),
  /** The step's message on success; `{path}` reads the response (`Created #{number}`). */
  summary: z.string().max(200).optional(),
  pagination: Pagination.optional(),
  /** Running it twice equals running it once. Default: true for GET. */
  idempotent: z.boolean().optional(),
  /** The header that carries a key derived from run and step, so the vendor de-duplicates retries. */
  idempotencyHeader: HeaderName.optional(),
  /** Token counts of an LLM answer, as dotted paths into the response. */
  usage: z.strictObject({ prompt: DottedPath, completion: DottedPath }).optional(),
});

const Errors = z.strictObject({
  /** A 2xx is a failure unless this path holds `true` (Slack's `ok`). */
  okFlag: DottedPath.optional(),
  /** A 2xx is a failure when this path holds a non-empty value (GraphQL's `errors`). */
  errorWhenPresent: DottedPath.optional(),
  /** Where the vendor's error message is, tried in order. */
  message: z.array(DottedPath).default(['error.message', 'error', 'message', 'errors.0.message']),
  /** Error codes (found at `codePath`) worth retrying: rate limits reported in a 200 or 4xx. */
  retryable: z.strictObject({ codePath: DottedPath, codes: z.array(z.string()).min(1) }).optional(),
});

export const ProviderManifestSchema = z
  .strictObject({
    name: Name,
    title: z.string().min(2).max(80),
    category: z.enum(PROVIDER_CATEGORIES),
    description: z.string().min(10).max(300),
    /** The vendor's API reference this manifest was checked against. */
    docsUrl: z.url({ protocol: /^https$/ }),
    verification: z.enum(VERIFICATION_LEVELS),
    /** `https://api.vendor.com/v1`, or built from credential fields: `https://{subdomain}.zendesk.com/api/v2`. */
    baseUrl: z.string().min(1),
    auth: Auth,
    errors: Errors.default({ message: ['error.message', 'error', 'message', 'errors.0.message'] }),
    actions: z.record(Name, Action).refine((a) => Object.keys(a).length > 0, 'at least one action'),
  })
  .superRefine((manifest, ctx) => {
    const fields = credentialFieldsOf(manifest.auth);
    const fieldRefs = (text: string) => [...text.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]!);
    for (const ref of fieldRefs(manifest.baseUrl)) {
      const field = fields[ref];
      if (!field)
        ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: `unknown credential field ${ref}` });
      else if (!field.pattern && !field.enum)
        ctx.addIssue({
          code: 'custom',
          path: ['auth', 'fields', ref],
          message: 'a field in the base URL needs a pattern or an enum',
        });
    }
    if (!fieldRefs(manifest.baseUrl).length && !/^https:\/\/[^/{}]+/.test(manifest.baseUrl))
      ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'must be an https URL' });
    manifest.auth.apply.forEach((placement, i) => {
      const texts = placement.in === 'basic' ? [placement.username, placement.password] : [placement.value];
      if (placement.in === 'body')
        for (const [name, action] of Object.entries(manifest.actions))
          if (action.method === 'GET' || action.method === 'DELETE')
            ctx.addIssue({
              code: 'custom',
              path: ['actions', name],
              message: 'the credential goes in a body this method lacks',
            });
      for (const ref of texts.flatMap(fieldRefs))
        if (!fields[ref])
          ctx.addIssue({
            code: 'custom',
            path: ['auth', 'apply', i],
            message: `unknown credential field ${ref}`,
          });
    });
    for (const [actionName, action] of Object.entries(manifest.actions)) {
      const at = (...path: (string | number)[]) => ['actions', actionName, ...path];
      const pathRefs = [...action.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
      for (const ref of pathRefs)
        if (action.params[ref]?.in !== 'path')
          ctx.addIssue({ code: 'custom', path: at('path'), message: `{${ref}} is not a path param` });
      for (const [paramName, param] of Object.entries(action.params)) {
        if (param.in === 'path' && (!pathRefs.includes(paramName) || param.required !== true))
          ctx.addIssue({
            code: 'custom',
            path: at('params', paramName),
            message: 'a path param appears in the path and is required',
          });
        if (param.in === 'body' && (action.method === 'GET' || action.method === 'DELETE'))
          ctx.addIssue({
            code: 'custom',
            path: at('params', paramName),
            message: `${action.method} has no body`,
          });
        if (
          param.wire === '$' &&
          (param.in !== 'body' || (param.type !== 'object' && param.type !== 'array'))
        )
          ctx.addIssue({
            code: 'custom',
            path: at('params', paramName),
            message: 'the whole body is an object or array body param',
          });
        if (param.file && action.encoding !== 'multipart')
          ctx.addIssue({ code: 'custom', path: at('params', paramName), message: 'files need multipart' });
      }
      const wholes = Object.values(action.params).filter((p) => p.wire === '$');
      const others = Object.values(action.params).filter((p) => p.in === 'body' && p.wire !== '$');
      const arrayBody = wholes[0]?.type === 'array';
      if (
        wholes.length > 1 ||
        (arrayBody && (others.length || action.constants?.body || (action.encoding ?? 'json') !== 'json'))
      )
        ctx.addIssue({
          code: 'custom',
          path: at('params'),
          message: 'one whole-body param, and an array body is JSON with no other body fields',
        });
      if (action.pagination && 'param' in action.pagination && action.params[action.pagination.param])
        ctx.addIssue({
          code: 'custom',
          path: at('pagination'),
          message: 'the pagination param is set by the executor, not the plan',
        });
    }
  });

export type ProviderManifest = z.input<typeof ProviderManifestSchema>;
export type ParsedManifest = z.output<typeof ProviderManifestSchema>;
export type ManifestAction = ParsedManifest['actions'][string];
export type ManifestParam = ManifestAction['params'][string];
export type ManifestAuth = ParsedManifest['auth'];
export type CredentialFieldSpec = z.output<typeof CredentialField>;

/** The default credential: one secret string. */
const DEFAULT_FIELDS: Record<string, CredentialFieldSpec> = {
  token: { description: 'The API key or token', secret: true },
};

export function credentialFieldsOf(auth: { fields?: Record<string, CredentialFieldSpec> | undefined }) {
  return auth.fields ?? DEFAULT_FIELDS;
}

/** Types a manifest where it is written; the schema checks it when the registry loads it. */
export const defineManifest = (manifest: ProviderManifest): ProviderManifest => manifest;
