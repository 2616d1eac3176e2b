import { deepl } from '../../../../../../shared/providers/catalog/utility/deepl';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * DeepL's API as documented (developers.deepl.com/api-reference): `Authorization: DeepL-Auth-Key
 * <key>`, api-free.deepl.com for :fx keys and api.deepl.com for Pro, POST /v2/translate with
 * `{text: [...], target_lang}` answering `{translations: [{detected_source_language, text}]}`,
 * GET /v2/usage, and `{message}` on a refusal (403 for a bad key, 456 for a spent quota).
 */
const KEY = '279a2e9d-83b3-c416-7e2d-f721593e42a0:fx';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${KEY}`)
      return sendJson(res, 403, { message: 'Authorization failure, check auth_key' });
    if (req.method === 'POST' && req.path === '/v2/translate') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 415, { message: 'Unsupported media type' });
      const body = jsonBody<{ text?: string[]; target_lang?: string; formality?: string }>(req);
      if (!Array.isArray(body.text) || !body.target_lang)
        return sendJson(res, 400, { message: "Value for 'target_lang' not supported." });
      if (body.text.join('').length > 20) return sendJson(res, 456, { message: 'Quota exceeded' });
      return sendJson(res, 200, {
        translations: body.text.map((t) => ({
          detected_source_language: 'EN',
          text: `[${body.target_lang}] ${t}`,
        })),
      });
    }
    if (req.method === 'GET' && req.path === '/v2/usage')
      return sendJson(res, 200, { character_count: 180118, character_limit: 500000 });
    return sendJson(res, 404, { message: 'Not found' });
  });
});
afterAll(() => fake.close());

it('translates texts with the DeepL-Auth-Key header', async () => {
  const provider = wireProvider(deepl, fake);
  const result = await runAction(
    provider,
    'translate_text',
    { text: ['Hello', 'Good bye'], target_lang: 'DE', formality: 'more' },
    { credential: JSON.stringify({ auth_key: KEY }) },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/v2/translate', rawQuery: '' });
  expect(sent.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
  expect(jsonBody(sent)).toEqual({ text: ['Hello', 'Good bye'], target_lang: 'DE', formality: 'more' });
  expect(result).toEqual({
    success: true,
    output: [
      { detected_source_language: 'EN', text: '[DE] Hello' },
      { detected_source_language: 'EN', text: '[DE] Good bye' },
    ],
    message: 'Translated from EN',
  });
});

it('reads the usage, on the Pro host too', async () => {
  const provider = wireProvider(deepl, fake);
  const result = await runAction(
    provider,
    'get_usage',
    {},
    {
      credential: JSON.stringify({ auth_key: KEY, host: 'api.deepl.com' }),
    },
  );
  expect(fake.last()).toMatchObject({ method: 'GET', path: '/v2/usage', body: '' });
  expect(result).toMatchObject({ success: true, message: '180118 of 500000 characters used' });
  await expect(
    runAction(
      provider,
      'get_usage',
      {},
      { credential: JSON.stringify({ auth_key: KEY, host: 'deepl.example.com' }) },
    ),
  ).rejects.toThrow(/unknown host/);
});

it("reports DeepL's message on a refusal and a spent quota", async () => {
  const provider = wireProvider(deepl, fake);
  const denied = await runAction(
    provider,
    'translate_text',
    { text: ['Hi'], target_lang: 'FR' },
    { credential: JSON.stringify({ auth_key: 'wrong:fx' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'DeepL responded 403: Authorization failure, check auth_key',
  });
  const quota = await runAction(
    provider,
    'translate_text',
    { text: ['A much longer text than the quota allows'], target_lang: 'FR' },
    { credential: JSON.stringify({ auth_key: KEY }) },
  );
  expect(quota).toMatchObject({ success: false, message: 'DeepL responded 456: Quota exceeded' });
});
