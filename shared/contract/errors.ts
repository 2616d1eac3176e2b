/**
 * The error bodies, as shared/http/render-error.ts and infra/gateway-responses.ts write
 * them, and which statuses any route can answer.
 */
import * as z from 'zod';

/** `{"error":{"code","message","details"}}`: every route outside the OpenAI-compatible gateway. */
export const StandardError = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z.unknown().describe('null, or what the code needs: `issues` for a validation_error'),
  }),
});

/** OpenAI's error shape, so the official SDKs understand gateway routes (`details` is Flowgate's). */
export const OpenAiError = z.strictObject({
  error: z.strictObject({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string(),
    details: z.unknown().optional(),
  }),
});

/** What API Gateway itself answers (infra/gateway-responses.ts): both dialects' fields at once. */
export const GatewayError = z.strictObject({
  error: z.strictObject({
    message: z.string(),
    type: z.string(),
    param: z.null(),
    code: z.string(),
    details: z.unknown(),
  }),
});

/**
 * Any route can answer these: 400 (a query or path that is not well-formed Unicode, or a
 * body that fails validation), 413 (over the payload limit), 429 (throttled), 500, 502
 * (the function failed), 503 (a dependency is unreachable for now), 504 (timed out).
 */
export const COMMON_ERROR_STATUSES = [400, 413, 429, 500, 502, 503, 504] as const;

/** And these every `apiKey` route: the authorizer's answers. */
export const API_KEY_ERROR_STATUSES = [401, 403] as const;

export const ERROR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  400: 'Bad request: invalid JSON, a validation error listing every issue, or a malformed parameter',
  401: 'Invalid or missing API key',
  403: 'Access denied',
  404: 'Not found (a malformed id is the same 404 as an unknown one)',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  422: 'Understood but cannot be processed',
  429: 'Too many requests (Retry-After may say when to retry)',
  500: 'Internal server error (no internals; the request id in details)',
  502: 'An upstream or the function failed',
  503: 'Temporarily unavailable; retry after Retry-After',
  504: 'Timed out',
  '4XX': "The upstream's own client error, passed through",
};
