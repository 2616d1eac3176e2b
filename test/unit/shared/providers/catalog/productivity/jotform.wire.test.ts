import { jotform } from '../../../../../../shared/providers/catalog/productivity/jotform';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Jotform's API as documented (api.jotform.com/docs): the API key in the APIKEY header (or
 * the apiKey query parameter); GET /form/{id}/submissions takes offset and limit and answers
 * {responseCode, message, content: [...], resultSet: {offset, limit, count}}; an unknown key
 * is a 401 {"responseCode":401,"message":"You're not authorized to use (…)","content":""}.
 */
const KEY = '0123456789abcdef0123456789abcdef';
const FORM = '241234567890123';
const submissions = Array.from({ length: 250 }, (_, i) => ({
  id: String(5800000000000000000 + i),
  form_id: FORM,
}));

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    const key = req.headers.apikey ?? req.query.get('apiKey');
    if (key !== KEY)
      return sendJson(res, 401, {
        responseCode: 401,
        message: `You're not authorized to use (${req.path}) `,
        content: '',
        duration: '12ms',
      });
    if (req.method === 'GET' && req.path === `/form/${FORM}/submissions`) {
      const offset = Number(req.query.get('offset') ?? 0);
      const limit = Number(req.query.get('limit') ?? 20);
      const content = submissions.slice(offset, offset + limit);
      return sendJson(res, 200, {
        responseCode: 200,
        message: 'success',
        content,
        resultSet: { offset, limit, count: content.length },
        'limit-left': 9990,
      });
    }
    return sendJson(res, 404, { responseCode: 404, message: 'Requested URL not found', content: '' });
  });
});
afterAll(() => fake.close());

it('pages submissions by offset and limit with the key in the APIKEY header', async () => {
  const provider = wireProvider(jotform, fake);
  const before = fake.requests.length;
  const result = await runAction(
    provider,
    'list_submissions',
    { form_id: FORM, order_by: 'created_at', max_pages: 5 },
    { credential: KEY },
  );
  const sent = fake.requests.slice(before);
  expect(sent.map((r) => r.rawQuery)).toEqual([
    'orderby=created_at&offset=0&limit=100',
    'orderby=created_at&offset=100&limit=100',
    'orderby=created_at&offset=200&limit=100',
  ]);
  expect(sent.every((r) => r.headers.apikey === KEY && r.query.get('apiKey') === null)).toBe(true);
  expect(result).toEqual({
    success: true,
    output: { items: submissions, pages: 3, has_more: false },
    message: 'Jotform: 250 items from 3 pages',
  });
});

it("reports Jotform's message on a refused key", async () => {
  const provider = wireProvider(jotform, fake);
  const bad = await runAction(provider, 'list_submissions', { form_id: FORM }, { credential: 'not-a-key' });
  expect(bad).toMatchObject({
    success: false,
    message: `Jotform responded 401: You're not authorized to use (/form/${FORM}/submissions) `,
  });
});
