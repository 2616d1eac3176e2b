import * as z from 'zod';
import { BadRequestError } from '../errors';
import {
  PROVIDER_CATEGORIES,
  type CredentialType,
  type ProviderCategory,
  type ProviderDefinition,
  type VerificationLevel,
} from './types';

export interface ActionDescription {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the params as a plan author writes them. */
  params: unknown;
}

export interface ProviderDescription {
  name: string;
  title: string;
  category: ProviderCategory;
  description: string;
  docs_url: string | null;
  verification: VerificationLevel;
  credential_type: CredentialType;
  credential_hint: string | null;
  actions: ActionDescription[];
}

export interface ProviderListing {
  /** How many providers match (all of them without filters); each one can run. */
  total: number;
  providers: ProviderDescription[];
  /** Only when the listing is paged (`limit` or `cursor` given): where the next page starts. */
  next_cursor?: string | null;
}

/** `GET /api/providers?category=&q=&limit=&cursor=`; no query at all is the seed's full listing. */
export const ProviderListQuery = z.object({
  category: z.enum(PROVIDER_CATEGORIES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(250).optional(),
  cursor: z.string().min(1).max(200).optional(),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuery>;

// Schemas are shared by every custom integration and never change: convert each once.
const schemaCache = new WeakMap<z.ZodType, unknown>();

function jsonSchema(schema: z.ZodType): unknown {
  let cached = schemaCache.get(schema);
  if (cached === undefined) {
    // `input`: what a plan may omit (fields with defaults) is optional in the listing too.
    cached = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    schemaCache.set(schema, cached);
  }
  return cached;
}

export function describeProvider(provider: ProviderDefinition): ProviderDescription {
  return {
    name: provider.name,
    title: provider.title,
    category: provider.category,
    description: provider.description,
    docs_url: provider.docsUrl ?? null,
    verification: provider.verification,
    credential_type: provider.credentialType,
    credential_hint: provider.credentialHint ?? null,
    actions: Object.entries(provider.actions).map(([name, action]) => ({
      name,
      description: action.description,
      params: action.paramsJsonSchema ?? jsonSchema(action.params),
    })),
  };
}

/** Everything a text query is matched against: names, titles, descriptions, category. */
function haystack(provider: ProviderDefinition): string {
  const actions = Object.entries(provider.actions).map(([name, a]) => `${name} ${a.description}`);
  return [provider.name, provider.title, provider.category, provider.description, ...actions]
    .join(' ')
    .toLowerCase();
}

/** Every word of the query appears somewhere in the provider's text. */
export function matchesQuery(provider: ProviderDefinition, q: string): boolean {
  const text = haystack(provider);
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

// The cursor is the last name given, opaque to clients so its form may change.
const encodeCursor = (name: string) =>
  Buffer.from(JSON.stringify({ after: name }), 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the 400
  }
  throw new BadRequestError('Invalid pagination cursor', 'invalid_cursor');
}

/** The body of GET /api/providers: filtered, then paged when asked. */
export function describeProviders(
  list: readonly ProviderDefinition[],
  query: ProviderListQuery = {},
): ProviderListing {
  let matching = list;
  if (query.category) matching = matching.filter((p) => p.category === query.category);
  if (query.q) matching = matching.filter((p) => matchesQuery(p, query.q!));
  if (query.limit === undefined && query.cursor === undefined)
    return { total: matching.length, providers: matching.map(describeProvider) };
  let start = 0;
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const index = matching.findIndex((p) => p.name === after);
    if (index < 0) throw new BadRequestError('Invalid pagination cursor', 'invalid_cursor');
    start = index + 1;
  }
  const limit = query.limit ?? 50;
  const page = matching.slice(start, start + limit);
  const more = start + limit < matching.length;
  return {
    total: matching.length,
    providers: page.map(describeProvider),
    next_cursor: more ? encodeCursor(page.at(-1)!.name) : null,
  };
}
