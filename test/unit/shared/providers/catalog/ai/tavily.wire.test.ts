import { tavily } from '../../../../../../shared/providers/catalog/ai/tavily';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/** Tavily's Search and Extract endpoints as documented: a bearer `tvly-` key and JSON bodies. */
const KEY = 'tvly-dev-0123456789abcdef';
let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== KEY)
      return sendJson(res, 401, { detail: { error: 'Unauthorized: missing or invalid API key.' } });
    const body = jsonBody<Record<string, unknown>>(req);
    if (req.method === 'POST' && req.path === '/search')
      return sendJson(res, 200, {
        query: body.query,
        answer: body.include_answer ? 'Paris.' : null,
        results: [
          {
            title: 'Paris - Wikipedia',
            url: 'https://en.wikipedia.org/wiki/Paris',
            content: 'Paris is the capital…',
            score: 0.98,
          },
        ],
        response_time: 1.2,
      });
    if (req.method === 'POST' && req.path === '/extract')
      return sendJson(res, 200, {
        results: [{ url: (body.urls as string[])[0], raw_content: 'Page text' }],
        failed_results: [],
        response_time: 0.4,
      });
    return sendJson(res, 404, { detail: { error: 'Not found' } });
  });
});
afterAll(() => fake.close());

it('searches with the documented body', async () => {
  const result = await runAction(
    wireProvider(tavily, fake),
    'search',
    { query: 'capital of France', include_answer: true, max_results: 3, topic: 'general' },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/search' });
  expect(jsonBody(fake.last())).toEqual({
    query: 'capital of France',
    include_answer: true,
    max_results: 3,
    topic: 'general',
  });
  expect(result).toMatchObject({
    success: true,
    output: { answer: 'Paris.', results: [{ url: 'https://en.wikipedia.org/wiki/Paris' }] },
    message: 'Searched for capital of France',
  });
});

it('extracts pages and reports a bad key', async () => {
  const ok = await runAction(
    wireProvider(tavily, fake),
    'extract',
    { urls: ['https://example.com/a'] },
    { credential: KEY },
  );
  expect(ok.output).toEqual({
    results: [{ url: 'https://example.com/a', raw_content: 'Page text' }],
    failed_results: [],
  });
  const bad = await runAction(
    wireProvider(tavily, fake),
    'search',
    { query: 'x' },
    { credential: 'tvly-wrong-000000' },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Tavily responded 401: Unauthorized: missing or invalid API key.',
  });
});
