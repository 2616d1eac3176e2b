import { runInNewContext } from 'node:vm';
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import {
  classifyUpstreamError,
  isRetryable,
  toClientError,
  toSessionOpenError,
  UpstreamFailure,
  type UpstreamFailureKind,
} from '../../../../shared/gateway/backends/upstream-errors';

const statusError = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  APIError.generate(status, body as Record<string, unknown>, undefined, new Headers(headers));

const morpheusGone = (e: APIError) => /session (expired|not found)/.test(String(e.error));

describe('classifyUpstreamError', () => {
  it.each<[string, unknown, boolean, UpstreamFailureKind]>([
    ['our deadline fired (whatever the SDK says)', new APIConnectionError({ message: 'x' }), true, 'timeout'],
    ['a plain abort', new APIUserAbortError(), false, 'aborted'],
    ['a refused connection', new APIConnectionError({ message: 'Connection error.' }), false, 'connection'],
    ['fetch failing mid-body', new TypeError('terminated'), false, 'connection'],
    ['invalid JSON', new SyntaxError('Unexpected end of JSON input'), false, 'malformed_response'],
    ['429', statusError(429, { error: { message: 'slow down' } }), false, 'rate_limited'],
    [
      '401',
      statusError(401, { error: { message: 'Incorrect API key provided: sk-ab****1234.' } }),
      false,
      'auth',
    ],
    ['403', statusError(403, {}), false, 'auth'],
    ['408', statusError(408, {}), false, 'timeout'],
    ['500', statusError(500, { error: { message: 'boom' } }), false, 'server_error'],
    ['503', statusError(503, {}), false, 'server_error'],
    ['400', statusError(400, { error: { message: 'bad temperature' } }), false, 'rejected'],
    ['router: session expired', statusError(500, { error: 'session expired' }), false, 'session_gone'],
    ['router: session not found', statusError(500, { error: 'session not found' }), false, 'session_gone'],
  ])('%s → %s', (_label, err, timedOut, kind) => {
    expect(classifyUpstreamError(err, { timedOut, isSessionGone: morpheusGone }).kind).toBe(kind);
  });

  it('reads invalid JSON as malformed even when the SyntaxError comes from another realm', () => {
    // What Response.json() throws under jest: Node's fetch classes live outside the sandbox.
    const foreign: unknown = runInNewContext('new SyntaxError("Unexpected token < in JSON")');
    expect(foreign instanceof SyntaxError).toBe(false);
    expect(classifyUpstreamError(foreign, { timedOut: false }).kind).toBe('malformed_response');
  });

  it('keeps an UpstreamFailure as it is', () => {
    const failure = new UpstreamFailure('stream_interrupted', 'cut');
    expect(classifyUpstreamError(failure, { timedOut: true })).toBe(failure);
  });

  it('retries only connection errors and 5xx', () => {
    const retryable = (['connection', 'server_error'] as const).map((k) => new UpstreamFailure(k, ''));
    const not = (
      [
        'timeout',
        'rate_limited',
        'rejected',
        'auth',
        'malformed_response',
        'session_gone',
        'unconfigured',
        'credentials_unavailable',
      ] as const
    ).map((k) => new UpstreamFailure(k, ''));
    expect(retryable.every(isRetryable)).toBe(true);
    expect(not.some(isRetryable)).toBe(false);
  });
});

describe('toClientError', () => {
  const client = (err: unknown, secrets: string[] = []) =>
    toClientError(classifyUpstreamError(err, { timedOut: false }), secrets);

  it('passes a rate limit on as 429 with Retry-After (from either header)', () => {
    expect(client(statusError(429, { error: { message: 'slow' } }, { 'retry-after': '7' }))).toMatchObject({
      statusCode: 429,
      headers: { 'Retry-After': '7' },
      openaiType: 'rate_limit_error',
    });
    expect(client(statusError(429, {}, { 'retry-after-ms': '2500' })).headers).toEqual({
      'Retry-After': '3',
    });
    expect(client(statusError(429, {})).headers).toEqual({ 'Retry-After': '1' });
  });

  it('passes the caller’s own 4xx mistakes through, redacted', () => {
    const err = client(
      statusError(400, {
        error: {
          message: 'bad value near sk-live-secret-value-123456',
          code: 'invalid_value',
          param: 'temperature',
        },
      }),
      ['sk-live-secret-value-123456'],
    );
    expect(err).toMatchObject({ statusCode: 400, code: 'invalid_value', param: 'temperature' });
    expect(err.message).toBe('bad value near [REDACTED]');
  });

  it('never repeats what the upstream said about our credentials', () => {
    const err = client(
      statusError(401, { error: { message: 'Incorrect API key provided: sk-stub****0000.' } }),
    );
    expect(err).toMatchObject({ statusCode: 502, code: 'upstream_auth_failed' });
    expect(err.message).not.toMatch(/sk-/);
  });

  it.each([
    [new UpstreamFailure('timeout', ''), 504, 'upstream_timeout'],
    [new UpstreamFailure('server_error', '', { status: 503 }), 502, 'upstream_error'],
    [new UpstreamFailure('connection', ''), 502, 'upstream_unreachable'],
    [new UpstreamFailure('malformed_response', ''), 502, 'upstream_invalid_response'],
    [new UpstreamFailure('stream_interrupted', ''), 502, 'upstream_stream_interrupted'],
    [new UpstreamFailure('session_gone', ''), 502, 'session_renewal_failed'],
    [new UpstreamFailure('aborted', ''), 499, 'client_closed_request'],
  ])('%#: %s → %i %s', (failure, status, code) => {
    expect(toClientError(failure)).toMatchObject({ statusCode: status, code, expose: true });
  });

  it('a backend with no credential, or one it could not read, is 503 backend_unavailable in fixed words', () => {
    const cause = new Error('AccessDeniedException: arn:aws:secretsmanager:us-east-1:1:secret:x');
    const unconfigured = toClientError(new UpstreamFailure('unconfigured', 'No API key is configured'));
    expect(unconfigured).toMatchObject({
      statusCode: 503,
      code: 'backend_unavailable',
      openaiType: 'api_error',
      message: 'The model backend has no credentials configured',
    });
    // Retrying does not make a credential appear.
    expect(unconfigured.headers).toEqual({});
    expect(
      toClientError(new UpstreamFailure('credentials_unavailable', 'Could not read the API key', { cause })),
    ).toMatchObject({
      statusCode: 503,
      code: 'backend_unavailable',
      message: 'The model backend credentials could not be read; retry shortly',
      headers: { 'Retry-After': '5' },
    });
    expect(toSessionOpenError(new UpstreamFailure('unconfigured', '')).message).toBe(
      'Could not open a model session: the model backend has no credentials configured',
    );
  });
});

describe('toSessionOpenError', () => {
  const secret = 'router-password-0123456789';

  it.each<[UpstreamFailure, number, string, string, string]>([
    [
      new UpstreamFailure('server_error', '', { status: 500 }),
      502,
      'upstream_error',
      'upstream_error',
      'the model upstream failed (status 500)',
    ],
    [
      new UpstreamFailure('timeout', ''),
      504,
      'upstream_timeout',
      'timeout_error',
      'the model upstream did not answer in time',
    ],
    [
      new UpstreamFailure('malformed_response', ''),
      502,
      'upstream_invalid_response',
      'upstream_error',
      'the model upstream returned an invalid response',
    ],
    [
      new UpstreamFailure('connection', ''),
      502,
      'upstream_unreachable',
      'upstream_error',
      'could not reach the model upstream',
    ],
    [
      new UpstreamFailure('auth', '', { status: 401 }),
      502,
      'upstream_auth_failed',
      'upstream_error',
      'the model upstream refused the gateway credentials',
    ],
  ])('%#: %s → %i %s, saying the session failed', (failure, status, code, type, reason) => {
    expect(toSessionOpenError(failure, [secret])).toMatchObject({
      statusCode: status,
      code,
      openaiType: type,
      param: null,
      expose: true,
      message: `Could not open a model session: ${reason}`,
    });
  });

  it('never repeats what the upstream said in a 5xx, secrets included', () => {
    const err = toSessionOpenError(
      classifyUpstreamError(statusError(500, { error: `could not sign with ${secret}` }), {
        timedOut: false,
      }),
      [secret],
    );
    expect(err.statusCode).toBe(502);
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain('sign');
  });

  it('keeps a 4xx answer as the chat path has it: its status and the redacted message', () => {
    const failure = classifyUpstreamError(
      statusError(400, { error: `sessionDuration too long for ${secret}` }),
      { timedOut: false },
    );
    expect(toSessionOpenError(failure, [secret])).toMatchObject({
      statusCode: 400,
      code: 'upstream_rejected',
      message: 'sessionDuration too long for [REDACTED]',
    });
    expect(toSessionOpenError(new UpstreamFailure('rate_limited', '', { retryAfter: '4' }))).toMatchObject({
      statusCode: 429,
      headers: { 'Retry-After': '4' },
    });
  });
});
