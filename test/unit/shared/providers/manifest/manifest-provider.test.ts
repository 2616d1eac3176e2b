import { providerFromManifest, MAX_PAGES } from '../../../../../shared/providers/manifest/manifest-provider';
import type { ProviderManifest } from '../../../../../shared/providers/manifest/manifest-schema';
import { RetryableProviderError } from '../../../../../shared/providers/types';
import { sendJson, startFakeServer, type FakeServer } from '../../../../support/fakes/fake-server';
import { runAction } from '../../../../support/fakes/provider-context';

type Action = ProviderManifest['actions'][string];

/** Twelve items, served by every pagination style the format knows. */
const ITEMS = Array.from({ length: 12 }, (_, i) => ({ id: `it_${i + 1}` }));
let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    const q = req.query;
    switch (req.path) {
      case '/cursor': {
        const start = Number(q.get('cursor') ?? 0);
        const next = start + 5 < ITEMS.length ? String(start + 5) : null;
        return sendJson(res, 200, { data: ITEMS.slice(start, start + 5), meta: { next } });
      }
      case '/cursor-body': {
        const body = req.body ? (JSON.parse(req.body) as { start_cursor?: string }) : {};
        const start = Number(body.start_cursor ?? 0);
        return sendJson(res, 200, {
          results: ITEMS.slice(start, start + 5),
          next_cursor: start + 5 < ITEMS.length ? String(start + 5) : null,
        });
      }
      case '/page': {
        const page = Number(q.get('page'));
        const size = Number(q.get('per_page'));
        return sendJson(res, 200, { items: ITEMS.slice((page - 1) * size, page * size) });
      }
      case '/offset': {
        const offset = Number(q.get('offset'));
        return sendJson(res, 200, { rows: ITEMS.slice(offset, offset + Number(q.get('limit'))) });
      }
      case '/link': {
        const page = Number(q.get('page') ?? 1);
        const link =
          page * 5 < ITEMS.length
            ? `<${fake.url}/link?page=${page + 1}>; rel="next", <${fake.url}/link?page=3>; rel="last"`
            : '';
        return sendJson(res, 200, ITEMS.slice((page - 1) * 5, page * 5), link ? { link } : {});
      }
      case '/next-url': {
        const page = Number(q.get('p') ?? 1);
        return sendJson(res, 200, {
          results: ITEMS.slice((page - 1) * 5, page * 5),
          paging: { next: page * 5 < ITEMS.length ? `${fake.url}/next-url?p=${page + 1}` : null },
        });
      }
      case '/always-next':
        // Mailgun-style: a next link even on the empty page after the last.
        return sendJson(res, 200, {
          items: q.get('p') === '2' ? [] : ITEMS.slice(0, 2),
          // Relative, as some vendors send it: resolved against the vendor's origin.
          paging: { next: '/always-next?p=2' },
        });
      case '/elsewhere':
        return sendJson(res, 200, { results: [ITEMS[0]], paging: { next: 'http://127.0.0.2:1/steal' } });
      case '/after-last': {
        const after = q.get('starting_after');
        const start = after ? ITEMS.findIndex((i) => i.id === after) + 1 : 0;
        return sendJson(res, 200, {
          data: ITEMS.slice(start, start + 5),
          has_more: start + 5 < ITEMS.length,
        });
      }
      case '/slack-like':
        return sendJson(
          res,
          200,
          q.get('fail') ? { ok: false, error: 'channel_not_found' } : { ok: true, ts: '1.2' },
        );
      case '/graphql':
        return sendJson(res, 200, { data: null, errors: [{ message: 'Field "x" not found' }] });
      case '/limited':
        return sendJson(res, 400, { error: { code: 'rate_limited', message: 'slow down' } });
      case '/refused':
        return sendJson(res, 422, { errors: [{ message: 'Title is required' }] });
      case '/text':
        res.writeHead(403, { 'content-type': 'text/plain' });
        return res.end('Forbidden: bad key');
      case '/chat':
        return sendJson(res, 200, {
          content: [{ type: 'text', text: 'Hello' }],
          usage: { input_tokens: 7, output_tokens: 3 },
          id: 'msg_1',
        });
      default:
        return sendJson(res, 404, { message: 'no such path' });
    }
  });
});
afterAll(() => fake.close());

function provider(actions: Record<string, Action>, extra: Partial<ProviderManifest> = {}) {
  return providerFromManifest(
    {
      name: 'vendor',
      title: 'Vendor',
      category: 'utility',
      description: 'A vendor for these tests.',
      docsUrl: 'https://vendor.example/docs',
      verification: 'documented',
      baseUrl: 'https://api.vendor.example',
      auth: { credentialType: 'none', apply: [] },
      actions,
      ...extra,
    },
    { origin: fake.url },
  );
}

const list = (
  path: string,
  pagination: NonNullable<Action['pagination']>,
  method: Action['method'] = 'GET',
): Action => ({
  description: 'List the things, page by page.',
  method,
  path,
  pagination,
});

describe('pagination', () => {
  it.each<[string, Action]>([
    ['cursor', list('/cursor', { style: 'cursor', items: 'data', next: 'meta.next', param: 'cursor' })],
    [
      'cursor in the body',
      list(
        '/cursor-body',
        { style: 'cursor', items: 'results', next: 'next_cursor', param: 'start_cursor', in: 'body' },
        'POST',
      ),
    ],
    ['page', list('/page', { style: 'page', items: 'items', param: 'page', sizeParam: 'per_page', size: 5 })],
    [
      'offset',
      list('/offset', { style: 'offset', items: 'rows', param: 'offset', sizeParam: 'limit', size: 5 }),
    ],
    ['link', list('/link', { style: 'link', items: '' })],
    ['next_url', list('/next-url', { style: 'next_url', items: 'results', next: 'paging.next' })],
    [
      'after_last',
      list('/after-last', { style: 'after_last', items: 'data', more: 'has_more', param: 'starting_after' }),
    ],
  ])('%s: reads every page up to max_pages, and says when more remain', async (_, action) => {
    const p = provider({ list: action });
    const before = fake.requests.length;
    const all = await runAction(p, 'list', { max_pages: 5 });
    expect(all).toMatchObject({ success: true, output: { items: ITEMS, pages: 3, has_more: false } });
    expect(fake.requests.length - before).toBe(3);
    const first = await runAction(p, 'list', {});
    expect(first.output).toEqual({ items: ITEMS.slice(0, 5), pages: 1, has_more: true });
    expect(first.message).toBe('Vendor: 5 items from 1 page');
  });

  it('stops at an empty page even when the vendor still links a next one', async () => {
    const p = provider({
      list: list('/always-next', { style: 'next_url', items: 'items', next: 'paging.next' }),
    });
    expect((await runAction(p, 'list', { max_pages: 5 })).output).toEqual({
      items: ITEMS.slice(0, 2),
      pages: 2,
      has_more: false,
    });
  });

  it('refuses a next-page URL on another origin, so the credential stays with the vendor', async () => {
    const p = provider({
      list: list('/elsewhere', { style: 'next_url', items: 'results', next: 'paging.next' }),
    });
    await expect(runAction(p, 'list', { max_pages: 2 })).rejects.toThrow(
      'Vendor pointed the next page at another origin',
    );
  });

  it('bounds max_pages', async () => {
    const p = provider({
      list: list('/cursor', { style: 'cursor', items: 'data', next: 'meta.next', param: 'cursor' }),
    });
    await expect(runAction(p, 'list', { max_pages: MAX_PAGES + 1 })).rejects.toThrow(/invalid params/);
  });
});

describe('errors', () => {
  const get = (path: string, params: Action['params'] = {}): Action => ({
    description: 'Call the vendor once.',
    method: 'GET',
    path,
    params,
  });

  it("fails a 200 whose ok flag is not true, with the vendor's error", async () => {
    const p = provider(
      { post: get('/slack-like', { fail: { in: 'query', type: 'string' } }) },
      {
        errors: { okFlag: 'ok', message: ['error'] },
      },
    );
    expect(await runAction(p, 'post', {})).toMatchObject({ success: true, output: { ok: true, ts: '1.2' } });
    expect(await runAction(p, 'post', { fail: '1' })).toEqual({
      success: false,
      output: { status: 200, body: { ok: false, error: 'channel_not_found' } },
      message: 'Vendor responded 200 with an error: channel_not_found',
    });
  });

  it('fails a 200 that carries GraphQL errors', async () => {
    const p = provider(
      { query: get('/graphql') },
      { errors: { errorWhenPresent: 'errors', message: ['errors.0.message'] } },
    );
    expect(await runAction(p, 'query', {})).toMatchObject({
      success: false,
      message: 'Vendor responded 200 with an error: Field "x" not found',
    });
  });

  it('throws a retryable error for the codes the vendor calls temporary', async () => {
    const p = provider(
      { query: get('/limited') },
      {
        errors: { retryable: { codePath: 'error.code', codes: ['rate_limited'] } },
      },
    );
    const failure = runAction(p, 'query', {});
    await expect(failure).rejects.toBeInstanceOf(RetryableProviderError);
    await expect(failure).rejects.toThrow('Vendor answered rate_limited');
  });

  it('reads the message from the default paths, or from a text body', async () => {
    const p = provider({ refused: get('/refused'), text: get('/text') });
    expect((await runAction(p, 'refused', {})).message).toBe('Vendor responded 422: Title is required');
    expect((await runAction(p, 'text', {})).message).toBe('Vendor responded 403: Forbidden: bad key');
  });
});

describe('output', () => {
  it('picks the output, summarises the answer and reports token usage', async () => {
    const p = provider({
      chat: {
        description: 'Send one message to the model.',
        method: 'POST',
        path: '/chat',
        params: { prompt: { in: 'body', wire: 'messages.0.content', type: 'string', required: true } },
        output: { text: 'content.0.text', id: 'id', missing: 'nope.nothing' },
        summary: 'Answered as {id} ({usage.output_tokens} tokens)',
        usage: { prompt: 'usage.input_tokens', completion: 'usage.output_tokens' },
      },
    });
    expect(await runAction(p, 'chat', { prompt: 'Hi' })).toEqual({
      success: true,
      output: { text: 'Hello', id: 'msg_1', missing: null },
      message: 'Answered as msg_1 (3 tokens)',
      usage: { promptTokens: 7, completionTokens: 3 },
    });
  });

  it('marks GET and idempotency-keyed actions idempotent, others not unless they say so', () => {
    const p = provider({
      read: { description: 'Read the thing.', method: 'GET', path: '/x' },
      keyed: {
        description: 'Create, keyed.',
        method: 'POST',
        path: '/x',
        idempotencyHeader: 'Idempotency-Key',
      },
      put: { description: 'Replace the thing.', method: 'PUT', path: '/x', idempotent: true },
      create: { description: 'Create the thing.', method: 'POST', path: '/x' },
    });
    expect(Object.fromEntries(Object.entries(p.actions).map(([n, a]) => [n, a.idempotent]))).toEqual({
      read: true,
      keyed: true,
      put: true,
      create: false,
    });
  });
});
