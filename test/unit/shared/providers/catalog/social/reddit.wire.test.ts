import { reddit } from '../../../../../../shared/providers/catalog/social/reddit';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Reddit's OAuth API as documented (reddit.com/dev/api, github.com/reddit-archive/reddit/wiki/OAuth2):
 * https://oauth.reddit.com with `Authorization: bearer <token>` and a descriptive User-Agent;
 * POST /api/submit takes a form (sr, kind, title, text/url, api_type=json) and answers 200
 * {"json":{"errors":[],"data":{id,name,url}}}; a refused submission is still a 200 with
 * errors as [code, message, field] triples (RATELIMIT when posting too often); a bad token
 * gets 401 {"message":"Unauthorized","error":401}. Listings are {"data":{"after","children"}}.
 */
const TOKEN = 'reddit-access-token-0123456789';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (!/^bearer /i.test(req.headers.authorization ?? '') || req.headers.authorization!.slice(7) !== TOKEN)
      return sendJson(res, 401, { message: 'Unauthorized', error: 401 });
    if (!req.headers['user-agent'] || /^node|^undici/i.test(req.headers['user-agent']))
      return sendJson(res, 429, { message: 'Too Many Requests', error: 429 });
    if (req.method === 'POST' && req.path === '/api/submit') {
      const form = new URLSearchParams(req.body);
      if (
        req.headers['content-type'] !== 'application/x-www-form-urlencoded' ||
        form.get('api_type') !== 'json'
      )
        return sendJson(res, 200, { jquery: [] });
      if (form.get('sr') === 'busy')
        return sendJson(res, 200, {
          json: {
            errors: [['RATELIMIT', 'Looks like you have been doing that a lot. Take a break.', 'ratelimit']],
          },
        });
      if (form.get('sr') !== 'test')
        return sendJson(res, 200, {
          json: { errors: [['SUBREDDIT_NOEXIST', "that community doesn't exist", 'sr']] },
        });
      return sendJson(res, 200, {
        json: {
          errors: [],
          data: {
            url: 'https://www.reddit.com/r/test/comments/1abc2d/weekly_report/',
            drafts_count: 0,
            id: '1abc2d',
            name: 't3_1abc2d',
          },
        },
      });
    }
    if (req.method === 'GET' && req.path === '/r/test/new') {
      if (req.query.get('after') === 't3_b')
        return sendJson(res, 200, {
          kind: 'Listing',
          data: { after: null, before: null, children: [{ kind: 't3', data: { name: 't3_c' } }] },
        });
      return sendJson(res, 200, {
        kind: 'Listing',
        data: {
          after: 't3_b',
          before: null,
          children: [
            { kind: 't3', data: { name: 't3_a' } },
            { kind: 't3', data: { name: 't3_b' } },
          ],
        },
      });
    }
    return sendJson(res, 404, { message: 'Not Found', error: 404 });
  });
});
afterAll(() => fake.close());

it('submits a self post as a form with api_type=json and its own User-Agent', async () => {
  const provider = wireProvider(reddit, fake);
  const result = await runAction(
    provider,
    'submit',
    { sr: 'test', kind: 'self', title: 'Weekly report', text: 'All **green**.', sendreplies: false },
    { credential: TOKEN },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/api/submit', rawQuery: '' });
  expect(sent.headers['user-agent']).toBe('server:flowgate-automation:1.0');
  expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
    api_type: 'json',
    sr: 'test',
    kind: 'self',
    title: 'Weekly report',
    text: 'All **green**.',
    sendreplies: 'false',
  });
  expect(result).toEqual({
    success: true,
    output: {
      id: '1abc2d',
      name: 't3_1abc2d',
      url: 'https://www.reddit.com/r/test/comments/1abc2d/weekly_report/',
    },
    message: 'Submitted https://www.reddit.com/r/test/comments/1abc2d/weekly_report/',
  });
});

it('fails on the errors Reddit reports inside a 200', async () => {
  const provider = wireProvider(reddit, fake);
  const bad = await runAction(
    provider,
    'submit',
    { sr: 'nosuchcommunity', kind: 'link', title: 'x', url: 'https://example.com/' },
    { credential: TOKEN },
  );
  expect(bad).toMatchObject({
    success: false,
    message: "Reddit responded 200 with an error: that community doesn't exist",
  });
});

it('treats RATELIMIT as retryable', async () => {
  const provider = wireProvider(reddit, fake);
  await expect(
    runAction(provider, 'submit', { sr: 'busy', kind: 'self', title: 'x' }, { credential: TOKEN }),
  ).rejects.toThrow('Reddit answered RATELIMIT');
});

it('fails with 401 on a bad token', async () => {
  const provider = wireProvider(reddit, fake);
  const bad = await runAction(provider, 'list_new', { subreddit: 'test' }, { credential: 'expired' });
  expect(bad).toMatchObject({ success: false, message: 'Reddit responded 401: Unauthorized' });
});

it('pages a subreddit listing with after', async () => {
  const provider = wireProvider(reddit, fake);
  const result = await runAction(
    provider,
    'list_new',
    { subreddit: 'test', limit: 2, max_pages: 5 },
    { credential: TOKEN },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first).toMatchObject({ method: 'GET', path: '/r/test/new', rawQuery: 'raw_json=1&limit=2' });
  expect(second!.rawQuery).toBe('raw_json=1&limit=2&after=t3_b');
  expect(result).toMatchObject({
    success: true,
    output: {
      items: [{ data: { name: 't3_a' } }, { data: { name: 't3_b' } }, { data: { name: 't3_c' } }],
      pages: 2,
      has_more: false,
    },
  });
});
