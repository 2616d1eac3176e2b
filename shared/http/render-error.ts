import type { APIGatewayProxyResult } from 'aws-lambda';
import { AppError, isAppError } from '../errors';

/**
 * Gateway routes speak OpenAI's error dialect so the official SDKs understand them;
 * every other route uses {"error":{"code","message","details"}}.
 */
export type ErrorStyle = 'openai' | 'standard';

const OPENAI_STYLE_PREFIXES = [
  '/api/v1/chat',
  '/api/v1/completions',
  '/api/v1/embeddings',
  '/api/v1/responses',
  '/api/v1/models',
  '/api/v1/session',
  '/api/v1/usage',
];

export function errorStyleFor(path: string): ErrorStyle {
  return OPENAI_STYLE_PREFIXES.some((p) => path === p || path.startsWith(p + '/')) ? 'openai' : 'standard';
}

function defaultOpenAiType(status: number): string {
  if (status === 401) return 'invalid_request_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** Anything that is not an exposable AppError becomes a bare 500: no message, stack or cause leaks. */
export function toPublicError(err: unknown, requestId?: string): AppError {
  if (isAppError(err) && err.expose) return err;
  return new AppError(500, 'internal_error', 'Internal server error', true, {
    details: requestId ? { request_id: requestId } : undefined,
  });
}

export function errorBody(err: AppError, style: ErrorStyle): { error: Record<string, unknown> } {
  if (style === 'openai') {
    return {
      error: {
        message: err.message,
        type: err.openaiType ?? defaultOpenAiType(err.statusCode),
        param: err.param,
        code: err.code,
        ...(err.details === undefined ? {} : { details: err.details }),
      },
    };
  }
  return { error: { code: err.code, message: err.message, details: err.details ?? null } };
}

export function renderError(
  err: unknown,
  style: ErrorStyle,
  headers: Record<string, string> = {},
  requestId?: string,
): APIGatewayProxyResult {
  const publicError = toPublicError(err, requestId);
  return {
    statusCode: publicError.statusCode,
    headers: { 'Content-Type': 'application/json', ...headers, ...publicError.headers },
    body: JSON.stringify(errorBody(publicError, style)),
  };
}
