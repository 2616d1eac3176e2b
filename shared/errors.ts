/**
 * Typed errors. Handlers throw these; one renderer (shared/http/render-error.ts)
 * turns them into responses. `expose: false` errors are rendered as a generic 500
 * so internals never reach the caller.
 */
export interface ErrorOptions {
  details?: unknown;
  /** OpenAI error `type`, for gateway routes. Defaults by status. */
  openaiType?: string;
  /** OpenAI error `param`, for gateway routes. */
  param?: string | null;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly details?: unknown;
  readonly openaiType?: string;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly expose = statusCode < 500,
    options: ErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
    this.openaiType = options.openaiType;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request', options?: ErrorOptions) {
    super(400, code, message, true, options);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: unknown, options?: Omit<ErrorOptions, 'details'>) {
    super(400, 'validation_error', message, true, { ...options, details });
  }
}

export class InvalidJsonError extends AppError {
  constructor() {
    super(400, 'invalid_json', 'Request body is not valid JSON');
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Invalid or missing API key') {
    super(401, 'invalid_api_key', message, true, { openaiType: 'invalid_request_error' });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found', code = 'not_found', options?: ErrorOptions) {
    super(404, code, message, true, options);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(allowed: string[]) {
    super(405, 'method_not_allowed', 'Method not allowed', true, {
      headers: { Allow: allowed.join(', ') },
      details: { allowed },
    });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', options?: ErrorOptions) {
    super(409, code, message, true, options);
  }
}

/** Limits differ per route (chat takes more than the rest), so the message names this one's. */
export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    const mb = Math.round((limitBytes / (1024 * 1024)) * 100) / 100;
    super(
      413,
      'payload_too_large',
      `Request body exceeds this route's limit of ${limitBytes} bytes (${mb} MB)`,
      true,
      {
        details: { limit_bytes: limitBytes },
      },
    );
  }
}

export class UnprocessableError extends AppError {
  constructor(message: string, details?: unknown, code = 'unprocessable') {
    super(422, code, message, true, { details });
  }
}

export class RateLimitError extends AppError {
  constructor(message: string, retryAfterSeconds?: number, options: ErrorOptions = {}) {
    super(429, 'rate_limit_exceeded', message, true, {
      openaiType: 'rate_limit_error',
      ...options,
      headers: {
        ...options.headers,
        ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
      },
    });
  }
}

/** An upstream (LLM backend, scheduler, provider) failed. Exposed with a generic message only. */
export class UpstreamError extends AppError {
  constructor(message = 'Upstream service error', code = 'upstream_error', options?: ErrorOptions) {
    super(502, code, message, true, { openaiType: 'upstream_error', ...options });
  }
}

export class UpstreamTimeoutError extends AppError {
  constructor(message = 'Upstream service timed out') {
    super(504, 'upstream_timeout', message, true, { openaiType: 'timeout_error' });
  }
}

/**
 * A dependency we cannot do without (the table) is unreachable for now. The caller may
 * retry the same request after `Retry-After`; nothing was half-written.
 */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = 'The service is temporarily unavailable; retry shortly',
    code = 'service_unavailable',
    retryAfterSeconds = 5,
  ) {
    super(503, code, message, true, {
      openaiType: 'api_error',
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

export class InternalError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(500, 'internal_error', message, false, { cause });
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * A JSON body nested deeper than the edge allows. Refused before any validation or walk
 * over it, so nothing downstream needs to survive arbitrary depth.
 */
export class JsonTooDeepError extends AppError {
  constructor(maxDepth: number, part: string) {
    super(400, 'json_too_deep', `Request ${part} is nested deeper than ${maxDepth} levels`, true, {
      details: { part, max_depth: maxDepth },
      param: part,
    });
  }
}

/**
 * Text with a lone UTF-16 surrogate (a `\ud800`-style escape with no partner). It has no
 * UTF-8 form, so storing and echoing it would hand strict JSON parsers invalid text.
 */
export class InvalidUnicodeError extends AppError {
  constructor(part: string) {
    super(
      400,
      'invalid_unicode',
      `Request ${part} contains a lone UTF-16 surrogate; send well-formed Unicode text`,
      true,
      { details: { part }, param: part },
    );
  }
}
