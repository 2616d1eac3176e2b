import { buildProxyEvent } from '../../../../infra/local/api-event';
import { routes } from '../../../../infra/routes';

const route = routes.find((r) => r.name === 'TriggerWebhook')!;

function eventFor(rawQuery: string, rawHeaders: string[] = []) {
  return buildProxyEvent(
    {
      method: 'POST',
      path: '/api/webhook/x',
      rawQuery,
      rawHeaders,
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    },
    route,
    { token: 'x' },
    null,
    'req-1',
  );
}

describe('buildProxyEvent: query and header names are only names', () => {
  it('keeps __proto__, constructor and toString as ordinary own parameters', () => {
    const event = eventFor('__proto__=1&constructor=2&toString=3&a=1&a=2');
    expect(Object.entries(event.queryStringParameters ?? {})).toEqual([
      ['__proto__', '1'],
      ['constructor', '2'],
      ['toString', '3'],
      ['a', '2'],
    ]);
    expect(Object.entries(event.multiValueQueryStringParameters ?? {})).toEqual([
      ['__proto__', ['1']],
      ['constructor', ['2']],
      ['toString', ['3']],
      ['a', ['1', '2']],
    ]);
    expect(Object.getPrototypeOf(event.queryStringParameters)).toBe(Object.prototype);
  });

  it('does the same for header names', () => {
    const event = eventFor('', ['__proto__', 'x', 'constructor', 'y', 'X-A', '1', 'X-A', '2']);
    expect(event.headers).toEqual(
      Object.fromEntries([
        ['__proto__', 'x'],
        ['constructor', 'y'],
        ['X-A', '2'],
      ]),
    );
    expect(event.multiValueHeaders['X-A']).toEqual(['1', '2']);
  });
});
