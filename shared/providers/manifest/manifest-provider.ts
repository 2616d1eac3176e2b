import * as z from 'zod';
import { parseBody } from '../provider-kit';
import {
  RetryableProviderError,
  type ActionContext,
  type ActionDefinition,
  type ProviderDefinition,
  type ProviderResult,
} from '../types';
import { credentialFields, type CredentialFields } from './manifest-auth';
import { buildRequest, type PageStart } from './manifest-request';
import {
  failedIn200,
  nextLink,
  readPath,
  retryableCode,
  selectOutput,
  summarise,
  vendorMessage,
} from './manifest-response';
import {
  ProviderManifestSchema,
  type ManifestAction,
  type ParsedManifest,
  type ProviderManifest,
} from './manifest-schema';
import type { JsonSchema } from './param-schema';

/** How many pages one step may read at most (`max_pages`); the output cap bounds the rest. */
export const MAX_PAGES = 10;

export interface ManifestProviderOptions {
  /**
   * Sends every request to this origin (`http://127.0.0.1:<port>`) instead of the vendor's,
   * keeping the path and query: how the wire tests point a manifest at a loopback fake.
   */
  origin?: string;
}

/** The params' JSON Schema as the plan author writes them: each param without its wire details. */
export function paramsJsonSchema(action: ManifestAction): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, param] of Object.entries(action.params)) {
    const { in: _in, required: isRequired, wire: _wire, file: _file, ...schema } = param;
    properties[name] = schema as JsonSchema;
    if (isRequired) required.push(name);
  }
  if (action.pagination)
    properties.max_pages = {
      type: 'integer',
      minimum: 1,
      maximum: MAX_PAGES,
      default: 1,
      description: 'How many pages to read; the items of all of them are output.items',
    };
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

interface Page {
  data: unknown;
  headers: Record<string, string>;
}

function nextStart(action: ManifestAction, page: Page, count: number, current: PageStart): PageStart {
  const pagination = action.pagination!;
  const items = readPath(page.data, pagination.items);
  const list = Array.isArray(items) ? items : [];
  // An empty page is the last one, whatever its links or cursor say (some vendors always send one).
  if (list.length === 0) return undefined;
  switch (pagination.style) {
    case 'cursor': {
      const next = readPath(page.data, pagination.next);
      return typeof next === 'string' && next !== ''
        ? { param: next }
        : typeof next === 'number'
          ? { param: next }
          : undefined;
    }
    case 'page': {
      if (list.length < pagination.size) return undefined;
      const at = current && 'param' in current ? Number(current.param) : pagination.first;
      return { param: at + 1 };
    }
    case 'offset':
      return list.length < pagination.size ? undefined : { param: count };
    case 'link': {
      const next = nextLink(page.headers.link);
      return next ? { url: next } : undefined;
    }
    case 'next_url': {
      const next = readPath(page.data, pagination.next);
      return typeof next === 'string' && next !== '' ? { url: next } : undefined;
    }
    case 'after_last': {
      const last = list.at(-1);
      const id = last === undefined ? undefined : readPath(last, pagination.id);
      return readPath(page.data, pagination.more) === true &&
        (typeof id === 'string' || typeof id === 'number')
        ? { param: id }
        : undefined;
    }
  }
}

function firstStart(action: ManifestAction): PageStart {
  const pagination = action.pagination;
  if (pagination?.style === 'page') return { param: pagination.first };
  if (pagination?.style === 'offset') return { param: 0 };
  return undefined;
}

class ManifestActionRunner {
  constructor(
    private readonly manifest: ParsedManifest,
    private readonly name: string,
    private readonly action: ManifestAction,
    private readonly options: ManifestProviderOptions,
  ) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ProviderResult> {
    const { manifest, action } = this;
    const fields: CredentialFields =
      manifest.auth.credentialType === 'none'
        ? {}
        : credentialFields(manifest.name, manifest.auth, ctx.credential);
    const { max_pages: maxPages = 1, ...rest } = params as { max_pages?: number };
    const items: unknown[] = [];
    let start = firstStart(action);
    for (let pageNumber = 1; ; pageNumber++) {
      const request = buildRequest({
        manifest,
        action,
        params: rest,
        fields,
        runId: ctx.runId,
        stepId: ctx.stepId,
        page: start,
        ...(this.options.origin ? { origin: this.options.origin } : {}),
      });
      const response = await ctx.http.request({ ...request, signal: ctx.signal });
      const data = parseBody(response);
      const failure = this.failure(response.status, data);
      if (failure) return failure;
      if (!action.pagination) return this.success(data);
      const found = readPath(data, action.pagination.items);
      if (Array.isArray(found)) items.push(...(found as unknown[]));
      const next = nextStart(action, { data, headers: response.headers }, items.length, start);
      if (!next || pageNumber >= maxPages) {
        return {
          success: true,
          output: { items, pages: pageNumber, has_more: next !== undefined },
          message: `${manifest.title}: ${items.length} item${items.length === 1 ? '' : 's'} from ${pageNumber} page${pageNumber === 1 ? '' : 's'}`,
        };
      }
      start = next;
    }
  }

  private failure(status: number, data: unknown): ProviderResult | undefined {
    const { manifest } = this;
    const code = retryableCode(manifest, data);
    if (code) throw new RetryableProviderError(`${manifest.title} answered ${code}`, status);
    if (status < 400 && !failedIn200(manifest, data)) return undefined;
    const detail = vendorMessage(manifest, data);
    return {
      success: false,
      output: { status, body: data },
      message: `${manifest.title} responded ${status}${status < 400 ? ' with an error' : ''}${detail ? `: ${detail}` : ''}`,
    };
  }

  private success(data: unknown): ProviderResult {
    const { manifest, action } = this;
    const usage = action.usage && {
      promptTokens: Number(readPath(data, action.usage.prompt)) || 0,
      completionTokens: Number(readPath(data, action.usage.completion)) || 0,
    };
    return {
      success: true,
      output: selectOutput(action, data),
      message: action.summary ? summarise(action.summary, data) : `${manifest.title}: ${this.name} done`,
      ...(usage ? { usage } : {}),
    };
  }
}

/** Checks a manifest against the format; throws with every problem and where it is. */
export function parseManifest(manifest: ProviderManifest): ParsedManifest {
  const result = ProviderManifestSchema.safeParse(manifest);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`Provider manifest ${String(manifest.name)} is invalid: ${issues}`);
}

/** A provider whose every action is run by the generic executor from its manifest. */
export function providerFromManifest(
  input: ProviderManifest,
  options: ManifestProviderOptions = {},
): ProviderDefinition {
  const manifest = parseManifest(input);
  const actions: Record<string, ActionDefinition> = {};
  for (const [name, action] of Object.entries(manifest.actions)) {
    const jsonSchema = paramsJsonSchema(action);
    const runner = new ManifestActionRunner(manifest, name, action, options);
    let params: z.ZodType | undefined;
    actions[name] = {
      description: action.description,
      // Compiled on first use (validation), not when the listing only needs the JSON Schema.
      get params() {
        params ??= z.fromJSONSchema(jsonSchema as z.core.JSONSchema.JSONSchema);
        return params;
      },
      paramsJsonSchema: jsonSchema,
      idempotent: action.idempotent ?? (action.method === 'GET' || action.idempotencyHeader !== undefined),
      execute: (input, ctx) => runner.execute(input as Record<string, unknown>, ctx),
    };
  }
  return {
    name: manifest.name,
    title: manifest.title,
    credentialType: manifest.auth.credentialType,
    category: manifest.category,
    description: manifest.description,
    docsUrl: manifest.docsUrl,
    verification: manifest.verification,
    ...(manifest.auth.hint ? { credentialHint: manifest.auth.hint } : {}),
    actions,
  };
}
