import { RouteMatcher } from '../../../../infra/local/route-matcher';
import type { RouteDef } from '../../../../infra/routes';

const route = (method: RouteDef['method'], path: string, name = `${method} ${path}`): RouteDef => ({
  name,
  method,
  path,
  handler: 'x.ts',
  auth: 'public',
  streaming: false,
  timeoutSeconds: 1,
  memoryMb: 128,
  access: [],
});

const matcher = new RouteMatcher([
  route('GET', '/api/plans'),
  route('POST', '/api/plans'),
  route('GET', '/api/plans/{plan_id}'),
  route('GET', '/api/plans/special'),
  route('POST', '/api/webhook/{token}'),
  route('GET', '/files/{proxy+}'),
]);

describe('RouteMatcher', () => {
  it('matches literal paths and prefers them over parameters, as API Gateway does', () => {
    expect(matcher.match('GET', '/api/plans/special')).toMatchObject({
      kind: 'found',
      route: { path: '/api/plans/special' },
      pathParameters: null,
    });
    expect(matcher.match('GET', '/api/plans/p1')).toMatchObject({
      kind: 'found',
      pathParameters: { plan_id: 'p1' },
    });
  });

  it('decodes path parameters and tolerates a trailing slash', () => {
    expect(matcher.match('GET', '/api/plans/a%2Fb%20c/')).toMatchObject({
      pathParameters: { plan_id: 'a/b c' },
    });
    expect(matcher.match('GET', '/api/plans/%E0%A4%A')).toMatchObject({
      pathParameters: { plan_id: '%E0%A4%A' },
    });
  });

  it('supports greedy parameters', () => {
    expect(matcher.match('GET', '/files/a/b/c.txt')).toMatchObject({
      pathParameters: { proxy: 'a/b/c.txt' },
    });
  });

  it('reports 405 with the allowed methods of the matching resource only', () => {
    expect(matcher.match('DELETE', '/api/plans')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'POST'],
    });
    expect(matcher.match('POST', '/api/plans/special')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET'],
    });
  });

  it('reports unknown paths', () => {
    expect(matcher.match('GET', '/api/nothing')).toEqual({ kind: 'not-found' });
    expect(matcher.match('GET', '/api/plans/a/b')).toEqual({ kind: 'not-found' });
  });
});
