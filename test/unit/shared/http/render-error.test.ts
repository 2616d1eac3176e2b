import {
  AppError,
  ConflictError,
  InternalError,
  MethodNotAllowedError,
  NotFoundError,
  RateLimitError,
  UpstreamError,
  UpstreamTimeoutError,
  ValidationError,
} from '../../../../shared/errors';
import { errorBody, errorStyleFor, renderError } from '../../../../shared/http/render-error';

describe('error rendering', () => {
  it.each([
    ['/api/v1/chat/completions', 'openai'],
    ['/api/v1/models', 'openai'],
    ['/api/v1/session/modelsession', 'openai'],
    ['/api/v1/session', 'openai'],
    ['/api/v1/sessions', 'standard'],
    ['/api/v1/auth/keys', 'standard'],
    ['/api/execution-plans', 'standard'],
  ])('%s speaks the %s dialect', (path, style) => {
    expect(errorStyleFor(path)).toBe(style);
  });

  it('renders the standard shape', () => {
    const result = renderError(
      new ConflictError('Already there', 'exists', { details: { id: 'x' } }),
      'standard',
      {
        'X-Request-Id': 'r1',
      },
    );
    expect(result.statusCode).toBe(409);
    expect(result.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Request-Id': 'r1' });
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'exists', message: 'Already there', details: { id: 'x' } },
    });
  });

  it('renders the OpenAI shape with type and param', () => {
    const err = new ValidationError(
      'Invalid body: body.messages Required',
      { issues: [] },
      { param: 'messages' },
    );
    expect(errorBody(err, 'openai')).toEqual({
      error: {
        message: 'Invalid body: body.messages Required',
        type: 'invalid_request_error',
        param: 'messages',
        code: 'validation_error',
        details: { issues: [] },
      },
    });
  });

  it.each([
    [new NotFoundError(), 'invalid_request_error'],
    [new RateLimitError('slow down', 7), 'rate_limit_error'],
    [new UpstreamError(), 'upstream_error'],
    [new UpstreamTimeoutError(), 'timeout_error'],
    [new AppError(403, 'nope', 'Nope'), 'permission_error'],
    [new AppError(503, 'busy', 'Busy'), 'api_error'],
  ])('gives %p the OpenAI type %s', (err, type) => {
    expect(errorBody(err, 'openai').error.type).toBe(type);
  });

  it('carries error headers such as Retry-After and Allow', () => {
    expect(renderError(new RateLimitError('slow down', 7), 'openai').headers).toMatchObject({
      'Retry-After': '7',
    });
    expect(renderError(new MethodNotAllowedError(['GET']), 'standard').headers).toMatchObject({
      Allow: 'GET',
    });
  });

  it.each([
    ['a plain Error', new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2')],
    ['an unexposed AppError', new InternalError('table flowgate-prod missing', new Error('stack'))],
    ['a thrown string', 'oops'],
  ])('hides the internals of %s behind a bare 500', (_label, err) => {
    const result = renderError(err, 'standard', {}, 'req-9');
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'internal_error', message: 'Internal server error', details: { request_id: 'req-9' } },
    });
  });
});
