import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod';
import { InvalidJsonError, PayloadTooLargeError, ValidationError } from '../errors';

export interface Identity {
  userId: string;
  keyId: string;
}

/** Reads the identity the authorizer put in the request context, if any. */
export function identityFrom(event: APIGatewayProxyEvent): Identity | undefined {
  const auth = event.requestContext?.authorizer as Record<string, unknown> | null | undefined;
  const userId = auth?.userId;
  const keyId = auth?.keyId;
  return typeof userId === 'string' && userId && typeof keyId === 'string' && keyId
    ? { userId, keyId }
    : undefined;
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

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidJsonError();
  }
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

/** Parses with zod; a failure becomes a 400 listing every issue, the first one in the message. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'query' | 'path',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toIssues(result.error, part);
  const first = issues[0];
  const message = first ? `Invalid ${part}: ${first.path} ${first.message}` : `Invalid ${part}`;
  throw new ValidationError(
    message,
    { issues },
    { param: first?.path.split('.').slice(1).join('.') || null },
  );
}
