import { http } from '../../../../../shared/providers/http';
import { validateStep } from '../../../../../shared/providers/registry';
import type { FakeServer } from '../../../../support/fakes/fake-server';
import { startHttpFake } from '../../../../support/fakes/http-fake';
import { runAction } from '../../../../support/fakes/provider-context';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startHttpFake();
});
afterAll(() => fake.close());

describe('http.request', () => {
  it('sends a JSON body with any method, headers and query, and parses a JSON answer', async () => {
    const result = await runAction(http, 'request', {
      method: 'patch',
      url: `${fake.url}/echo/items/7?keep=1`,
      headers: { 'X-Trace': 'abc' },
      query: { page: 2, active: true },
      body: { name: 'widget', tags: ['a'] },
    });
    const req = fake.last();
    expect(req.method).toBe('PATCH');
    expect(req.path).toBe('/echo/items/7');
    expect(Object.fromEntries(req.query)).toEqual({ keep: '1', page: '2', active: 'true' });
    expect(req.headers).toMatchObject({
      'x-trace': 'abc',
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(req.body).toBe('{"name":"widget","tags":["a"]}');
    expect(result).toMatchObject({
      success: true,
      message: 'PATCH responded 200',
      output: { status: 200, headers: { 'content-type': 'application/json' }, body: { method: 'PATCH' } },
    });
  });

  it('sends a string body as text unless a content type is given', async () => {
    await runAction(http, 'request', { method: 'POST', url: `${fake.url}/echo`, body: 'a=1&b=2' });
    expect(fake.last()).toMatchObject({ body: 'a=1&b=2' });
    expect(fake.last().headers['content-type']).toBe('text/plain; charset=utf-8');
    await runAction(http, 'request', {
      method: 'POST',
      url: `${fake.url}/echo`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=2',
    });
    expect(fake.last().headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('defaults to GET without a body and returns text answers as text', async () => {
    const result = await runAction(http, 'request', { url: `${fake.url}/text` });
    expect(fake.last()).toMatchObject({ method: 'GET', body: '' });
    expect(result.output).toMatchObject({ status: 200, body: 'plain words' });
  });

  it('fails the step on a 4xx, keeping the answer', async () => {
    const result = await runAction(http, 'request', { url: `${fake.url}/status/404` });
    expect(result).toMatchObject({
      success: false,
      message: 'GET responded 404',
      output: { status: 404, body: { error: 'status 404' } },
    });
  });

  it('validates method and url before anything is sent', () => {
    for (const params of [
      { url: 'ftp://x/' },
      { url: 'http://good@evil/' },
      { url: 'http://x/', method: 'CONNECT' },
      { url: 'http://x/', method: 'GET /admin' },
      { url: 'http://x/', headers: { 'X-A': 'v\r\nInjected: 1' } },
      { url: 'http://x/', headers: { 'Bad Name': 'v' } },
      { url: 'http://x/', extra: 1 },
    ]) {
      expect(validateStep(http, 'request', params).success).toBe(false);
    }
  });
});
