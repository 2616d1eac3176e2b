import * as z from 'zod';
import type { ActionContext, ActionDefinition, OutboundResponse, ProviderResult } from './types';

/**
 * Small helpers every provider folder shares: credential checks, JSON calls through the
 * guarded client, and the usual result shapes. Nothing here knows a provider by name.
 */

/** Types `execute`'s params from the action's own schema, then erases it for the registry. */
export function defineAction<P extends z.ZodType>(definition: ActionDefinition<P>): ActionDefinition {
  return definition as unknown as ActionDefinition;
}

/** The step needs a credential and the user has not stored one: retrying cannot help. */
export class MissingCredentialError extends Error {
  constructor(provider: string, what = 'credential') {
    super(`No ${what} stored for provider ${provider}; add one with POST /api/provider-credentials`);
    this.name = 'MissingCredentialError';
  }
}

export function requireCredential(ctx: ActionContext, provider: string, what?: string): string {
  if (ctx.credential === undefined || ctx.credential === '') throw new MissingCredentialError(provider, what);
  return ctx.credential;
}

/** JSON when the response says so (or looks like it), text otherwise. */
export function parseBody(response: OutboundResponse): unknown {
  const type = response.headers['content-type'] ?? '';
  const text = response.body;
  if (text === '') return null;
  if (type.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export interface JsonCall {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON when defined. */
  json?: unknown;
  /** Sent as-is (with the caller's content-type) when defined. */
  raw?: string;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

export async function call(ctx: ActionContext, spec: JsonCall): Promise<CallResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...lowerKeys(spec.headers) };
  let body: string | undefined = spec.raw;
  if (spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await ctx.http.request({
    method: spec.method,
    url: spec.url,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: ctx.signal,
  });
  return { status: response.status, headers: response.headers, data: parseBody(response) };
}

export function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/** A 4xx (or other unexpected status) as a failed step whose output is the upstream's answer. */
export function upstreamFailure(title: string, result: CallResult, detail?: string): ProviderResult {
  return {
    success: false,
    output: { status: result.status, body: result.data },
    message: `${title} responded ${result.status}${detail ? `: ${detail}` : ''}`,
  };
}

/** Reads `a.b.c` style error messages out of an upstream body without trusting its shape. */
export function pickString(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

/** `/path` joined onto a base that may carry its own path prefix (`https://host/v1`). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * `url` with its scheme, host and port replaced by `origin`'s, its path and query kept: how
 * the wire tests send a provider's real requests to a loopback fake. No origin: unchanged.
 */
export function withOrigin(url: string | URL, origin: string | undefined): URL {
  const out = new URL(url);
  if (origin) {
    const target = new URL(origin);
    out.protocol = target.protocol;
    out.host = target.host;
  }
  return out;
}

/** Header names as RFC 9110 tokens and values without line breaks (no header injection). */
export const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, 'not a valid header name');
export const HeaderValue = z
  .string()
  .max(8192)
  .regex(/^[^\r\n\0]*$/, 'header values cannot contain line breaks');
export const Headers = z.record(HeaderName, HeaderValue);

/** RFC 9110's idempotent methods. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** An HTTP step repeats safely when its method, as written in the plan (default GET), is idempotent. */
export function idempotentMethod(params: Record<string, unknown>): boolean {
  const method = params.method ?? 'GET';
  return typeof method === 'string' && IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** An HTTP method name; CONNECT and TRACE are refused (tunnelling and header reflection). */
export const HttpMethod = z
  .string()
  .regex(/^[A-Za-z]{1,16}$/, 'must be an HTTP method name')
  .refine((m) => !['CONNECT', 'TRACE'].includes(m.toUpperCase()), 'CONNECT and TRACE are not allowed')
  .default('GET');

/** Query parameters: names to scalar values, appended in order. */
export const QueryParams = z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]));

/** A URL the guard will check again at call time; rejected early when plainly unusable. */
export const HttpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without user information');
