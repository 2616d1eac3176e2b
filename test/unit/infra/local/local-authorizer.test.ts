import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { LocalAuthorizer, arnMatches } from '../../../../infra/local/local-authorizer';

const ARN = 'arn:aws:execute-api:us-east-1:000000000000:local/local';
const ev = (method: string, path: string) => {
  const methodArn = `${ARN}/${method}${path}`;
  return { methodArn, event: () => ({ methodArn }) as APIGatewayRequestAuthorizerEvent };
};
const allowAll = (ctx: Record<string, string> = { userId: 'u1' }): APIGatewayAuthorizerResult => ({
  principalId: 'u1',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${ARN}/*/*` }],
  },
  context: ctx,
});

describe('LocalAuthorizer', () => {
  let now = 0;
  let calls = 0;
  let answer: () => Promise<APIGatewayAuthorizerResult>;
  const authorizer = new LocalAuthorizer(
    () => async () => {
      calls += 1;
      return answer();
    },
    30,
    () => ({}) as never,
    () => now,
  );
  beforeEach(() => {
    authorizer.clear();
    now = 0;
    calls = 0;
    answer = async () => allowAll();
  });

  it('answers 401 without calling the authorizer when the identity source is missing', async () => {
    expect(await authorizer.authorize(ev('GET', '/x'), undefined)).toEqual({ kind: 'unauthorized' });
    expect(calls).toBe(0);
  });

  it('caches a result per Authorization header for the TTL, then asks again (the revocation bound)', async () => {
    expect(await authorizer.authorize(ev('GET', '/a'), 'Bearer k')).toEqual({
      kind: 'allow',
      context: { userId: 'u1', principalId: 'u1' },
    });
    answer = async () => {
      throw new Error('Unauthorized'); // the key was revoked
    };
    now = 29_999;
    expect((await authorizer.authorize(ev('POST', '/b'), 'Bearer k')).kind).toBe('allow');
    expect(calls).toBe(1);
    now = 30_000;
    expect(await authorizer.authorize(ev('GET', '/a'), 'Bearer k')).toEqual({ kind: 'unauthorized' });
    expect(calls).toBe(2);
    // A different header is a different cache entry.
    expect(await authorizer.authorize(ev('GET', '/a'), 'Bearer other')).toEqual({ kind: 'unauthorized' });
  });

  it('does not cache thrown errors, and reports non-Unauthorized throws as authorizer errors', async () => {
    answer = async () => {
      throw new Error('boom');
    };
    expect(await authorizer.authorize(ev('GET', '/a'), 'Bearer k')).toEqual({ kind: 'error' });
    answer = async () => allowAll();
    expect((await authorizer.authorize(ev('GET', '/a'), 'Bearer k')).kind).toBe('allow');
  });

  it('evaluates the cached policy against each method ARN (Deny wins)', async () => {
    answer = async () => ({
      principalId: 'u1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${ARN}/GET/*` },
          { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: `${ARN}/GET/admin/*` },
        ],
      },
    });
    expect((await authorizer.authorize(ev('GET', '/things'), 'Bearer k')).kind).toBe('allow');
    expect((await authorizer.authorize(ev('POST', '/things'), 'Bearer k')).kind).toBe('denied');
    expect((await authorizer.authorize(ev('GET', '/admin/x'), 'Bearer k')).kind).toBe('denied');
  });

  it.each([
    ['arn:a/*/*', 'arn:a/GET/x', true],
    ['arn:a/GET/x', 'arn:a/GET/x', true],
    ['arn:a/GET/?', 'arn:a/GET/x', true],
    ['arn:a/GET/x', 'arn:a/GET/y', false],
    ['arn:a.b/*', 'arn:aXb/GET', false],
  ])('arnMatches(%s, %s) = %s', (pattern, arn, expected) => {
    expect(arnMatches(pattern, arn)).toBe(expected);
  });
});
