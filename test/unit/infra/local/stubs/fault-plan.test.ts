import { FaultPlan, parseFaults, recordRequest } from '../../../../../infra/local/stubs/fault-plan';

describe('FaultPlan', () => {
  it('hands out faults in order, each for its number of matching requests', () => {
    const plan = new FaultPlan();
    plan.enqueue({ kind: 'status', status: 500, times: 2 }, { kind: 'reset' });
    expect(plan.take('POST', '/a')).toEqual({ kind: 'status', status: 500 });
    expect(plan.pending()).toEqual([
      { kind: 'status', status: 500, times: 2, remaining: 1 },
      { kind: 'reset', remaining: 1 },
    ]);
    expect(plan.take('GET', '/b')).toEqual({ kind: 'status', status: 500 });
    expect(plan.take('GET', '/b')).toEqual({ kind: 'reset' });
    expect(plan.take('GET', '/b')).toBeUndefined();
  });

  it.each([
    ['/v1/chat/completions', 'POST', '/v1/chat/completions', true],
    ['/v1/chat/completions', 'POST', '/v1/models', false],
    ['/blockchain/models/*/session', 'POST', '/blockchain/models/0xabc/session', true],
    ['/blockchain/models/*/session', 'POST', '/blockchain/models/a/b/session', false],
    ['/v1.chat', 'POST', '/v1xchat', false],
  ])('path %s matches %s %s: %s', (path, method, requestPath, matches) => {
    const plan = new FaultPlan();
    plan.enqueue({ kind: 'reset', path });
    expect(plan.take(method, requestPath) !== undefined).toBe(matches);
  });

  it('matches the method case-insensitively and skips faults that do not match', () => {
    const plan = new FaultPlan();
    plan.enqueue({ kind: 'delay', ms: 5, method: 'post' }, { kind: 'reset', method: 'GET' });
    expect(plan.take('GET', '/x')).toEqual({ kind: 'reset' });
    expect(plan.take('POST', '/x')).toEqual({ kind: 'delay', ms: 5 });
  });

  it('clears', () => {
    const plan = new FaultPlan();
    plan.enqueue({ kind: 'reset' });
    plan.clear();
    expect(plan.take('GET', '/')).toBeUndefined();
  });
});

describe('parseFaults', () => {
  it('accepts one fault or a list', () => {
    expect(parseFaults({ kind: 'delay', ms: 10 })).toEqual([{ kind: 'delay', ms: 10 }]);
    expect(
      parseFaults([{ kind: 'malformed-json' }, { kind: 'break-mid-stream', afterChunks: 3, times: 2 }]),
    ).toHaveLength(2);
  });

  it.each([
    [{ kind: 'nope' }],
    [{ kind: 'status', status: 42 }],
    [{ kind: 'delay' }],
    [{ kind: 'break-mid-stream', afterChunks: -1 }],
    [{ kind: 'reset', times: 0 }],
    [{ kind: 'reset', path: 'no-slash' }],
    ['text'],
  ])('rejects %j', (input) => {
    expect(() => parseFaults(input)).toThrow(/Invalid fault/);
  });
});

describe('recordRequest', () => {
  it('lower-cases headers, joins repeats, parses JSON and keeps other bodies raw', () => {
    const url = new URL('http://x/v1/chat?a=1');
    const json = recordRequest('POST', url, { 'X-Key': 'v', 'set-thing': ['a', 'b'] }, '{"k":1}');
    expect(json).toMatchObject({
      path: '/v1/chat',
      query: { a: '1' },
      headers: { 'x-key': 'v', 'set-thing': 'a, b' },
      body: { k: 1 },
    });
    expect(recordRequest('POST', url, {}, 'not json').body).toBe('not json');
    expect(recordRequest('GET', url, {}, '').body).toBeUndefined();
  });
});
