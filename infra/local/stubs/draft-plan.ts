/**
 * The stub model's answer to Flowgate's drafting request, so traces can be drafted
 * locally without a real LLM. The request is recognised by its system prompt (built by
 * shared/traces/trace-prompt.ts: it starts "You are the planner of Flowgate" and ends
 * with the provider catalogue as JSON). The plan uses only what that catalogue lists:
 *
 * 1. a URL in the user's request and `http`/`request` listed: one step, GET that URL;
 * 2. otherwise (and on a repair turn) `data`/`transform` listed: one step returning the request;
 * 3. otherwise the first action listed, its required params filled (a URL field with the
 *    request's URL, a text field with the request, the rest with placeholders: best effort).
 *
 * Params come from the action's listed JSON Schema: its required fields, plus the
 * suggested values the schema has properties for. The name and description say plainly
 * that the stub drafted it.
 */

export const PLANNER_PROMPT_START = 'You are the planner of Flowgate';
export const CATALOGUE_MARKER = 'Provider catalogue (JSON):\n';
export const STUB_DRAFT_NOTE = "Drafted by Flowgate's local stub model (no real LLM)";

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
}

/** One message of the conversation, as text. */
export interface Turn {
  role: string;
  text: string;
}

export interface CatalogueAction {
  name: string;
  params?: JsonSchema;
}

export interface CatalogueProvider {
  name: string;
  actions: CatalogueAction[];
}

export interface StubDraft {
  name: string;
  description: string;
  steps: { id: string; provider: string; action: string; params: Record<string, unknown> }[];
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>`]+/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The catalogue of a drafting conversation's system prompt; undefined for any other conversation. */
export function draftingCatalogue(turns: readonly Turn[]): CatalogueProvider[] | undefined {
  const text = turns.find((t) => t.role === 'system')?.text ?? '';
  if (!text.startsWith(PLANNER_PROMPT_START)) return undefined;
  const at = text.lastIndexOf(CATALOGUE_MARKER);
  if (at < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(at + CATALOGUE_MARKER.length));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  return parsed.filter(
    (p): p is CatalogueProvider => isRecord(p) && typeof p.name === 'string' && Array.isArray(p.actions),
  );
}

/** The first http(s) URL in the text, without the punctuation that ends a sentence. */
export function urlIn(text: string): string | undefined {
  const match = URL_IN_TEXT.exec(text);
  return match ? match[0].replace(/[.,;:!?)\]}]+$/, '') : undefined;
}

/** A value that satisfies a (simple) JSON Schema: its default, first enum value, or a typed placeholder. */
function placeholder(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? schema.anyOf?.[0]?.type);
  switch (type) {
    case 'string':
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return paramsFor(schema, {});
    default:
      return null;
  }
}

/** The params of an action: every required field (a suggestion, or a placeholder), plus suggestions the schema knows. */
export function paramsFor(
  schema: JsonSchema | undefined,
  suggested: Record<string, unknown>,
): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  const params: Record<string, unknown> = {};
  for (const name of schema?.required ?? [])
    params[name] = name in suggested ? suggested[name] : placeholder(properties[name]);
  for (const [name, value] of Object.entries(suggested)) if (name in properties) params[name] = value;
  return params;
}

function findAction(catalogue: readonly CatalogueProvider[], provider: string, action: string) {
  return catalogue.find((p) => p.name === provider)?.actions.find((a) => a.name === action);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The plan for `request` from what `catalogue` lists; `repair`: the first answer was refused, so rule 1 is skipped. */
export function draftPlan(
  request: string,
  catalogue: readonly CatalogueProvider[],
  repair = false,
): StubDraft | undefined {
  const url = urlIn(request);
  const http = findAction(catalogue, 'http', 'request');
  if (url && http && !repair) {
    return {
      name: shorten(`Stub plan: GET ${url}`, 200),
      description: `${STUB_DRAFT_NOTE}: one GET request to ${shorten(url, 1000)}.`,
      steps: [
        {
          id: 'fetch',
          provider: 'http',
          action: 'request',
          params: paramsFor(http.params, { method: 'GET', url }),
        },
      ],
    };
  }
  const transform = findAction(catalogue, 'data', 'transform');
  if (transform) {
    return {
      name: shorten(`Stub plan: ${request || 'echo the request'}`, 80),
      description: `${STUB_DRAFT_NOTE}: returns the request text; start npm start with --upstream for a real model.`,
      steps: [
        {
          id: 'echo',
          provider: 'data',
          action: 'transform',
          params: paramsFor(transform.params, { value: { request: shorten(request, 1000) } }),
        },
      ],
    };
  }
  const provider = catalogue.find((p) => p.actions.length > 0);
  const action = provider?.actions[0];
  if (!provider || !action) return undefined;
  // Best effort: the fields named like a URL or a text get the request's; the rest placeholders.
  const suggested: Record<string, unknown> = {};
  for (const name of action.params?.required ?? []) {
    if (/url/i.test(name)) suggested[name] = url ?? 'https://example.com/';
    else if (/^(text|content|message|prompt|title)$/i.test(name))
      suggested[name] = shorten(request, 1000) || 'x';
  }
  return {
    name: shorten(`Stub plan: ${provider.name}.${action.name}`, 200),
    description: `${STUB_DRAFT_NOTE}: one ${provider.name}.${action.name} step with placeholder params.`,
    steps: [
      {
        id: 'step1',
        provider: provider.name,
        action: action.name,
        params: paramsFor(action.params, suggested),
      },
    ],
  };
}

/**
 * The stub's reply to a drafting conversation (a plan as JSON text), or undefined when the
 * conversation is not one or a test steers it with `STUB_JSON:` (which keeps precedence,
 * on the repair turn too).
 */
export function stubDraftReply(turns: readonly Turn[]): string | undefined {
  const catalogue = draftingCatalogue(turns);
  if (!catalogue) return undefined;
  const users = turns.filter((t) => t.role === 'user').map((t) => t.text);
  if (users.some((text) => /^\s*STUB_JSON:/m.test(text))) return undefined;
  const plan = draftPlan(users[0] ?? '', catalogue, users.length > 1);
  return plan && JSON.stringify(plan);
}
