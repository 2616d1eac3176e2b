import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod';
import { InvalidJsonError, PayloadTooLargeError, ValidationError, type AppError } from '../errors';
import { decodeLimits, type KeyLimits } from '../identity/key-limits';
import { assertJsonLimits } from './json-limits';
import { pathIdNotFound } from './path-id';

export interface Identity {
  userId: string;
  keyId: string;
  /** The key's gateway limits, when it has any (the authorizer hands them on). */
  limits?: KeyLimits;
}

/** Reads the identity the authorizer put in the request context, if any. */
export function identityFrom(event: APIGatewayProxyEvent): Identity | undefined {
  const auth = event.requestContext?.authorizer as Record<string, unknown> | null | undefined;
  const userId = auth?.userId;
  const keyId = auth?.keyId;
  if (typeof userId !== 'string' || !userId || typeof keyId !== 'string' || !keyId) return undefined;
  const limits = decodeLimits(auth?.limits);
  return limits ? { userId, keyId, limits } : { userId, keyId };
}

/** Header names lower-cased, last value wins (as API Gateway's single-value map does). */
export function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

export function rawBody(event: APIGatewayProxyEvent, maxBytes: number): string {
  if (event.body === null || event.body === undefined) return '';
  const buffer = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (buffer.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return buffer.toString('utf8');
}

/** The body as JSON, within the edge's depth and Unicode limits (./json-limits.ts). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new InvalidJsonError();
  }
  assertJsonLimits(value, 'body');
  return value;
}

export interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

export function toIssues(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

type Part = 'body' | 'query' | 'path';

/**
 * Parses each part with its zod schema. Every issue of every part is collected, so one
 * 400 lists all that is wrong; the first one names the problem in the message.
 *
 * A malformed path id (./path-id.ts) is not a validation issue: it answers the route's
 * 404, and only where an unknown id would, after the other parts have passed, so the two
 * are indistinguishable.
 */
export function validateParts(
  schemas: Partial<Record<Part, z.ZodType>>,
  values: Record<Part, unknown>,
): Partial<Record<Part, unknown>> {
  const parsed: Partial<Record<Part, unknown>> = {};
  const issues: ValidationIssue[] = [];
  let notFound: AppError | undefined;
  for (const part of ['path', 'query', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const result = schema.safeParse(values[part]);
    if (result.success) {
      parsed[part] = result.data;
      continue;
    }
    const missing = part === 'path' ? pathIdNotFound(result.error) : undefined;
    if (missing) notFound = missing;
    else issues.push(...toIssues(result.error, part));
  }
  const first = issues[0];
  if (first) {
    const [part, ...rest] = first.path.split('.');
    throw new ValidationError(
      `Invalid ${part}: ${first.path} ${first.message}`,
      { issues },
      { param: rest.join('.') || null },
    );
  }
  if (notFound) throw notFound;
  return parsed;
}
