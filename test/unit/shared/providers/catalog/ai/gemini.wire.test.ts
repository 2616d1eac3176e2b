import { gemini } from '../../../../../../shared/providers/catalog/ai/gemini';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * The Gemini API as documented: `POST /v1beta/models/{model}:generateContent` with the key
 * in `x-goog-api-key`, `contents[].parts[].text`, `systemInstruction` and `generationConfig`;
 * answers with candidates and usageMetadata; errors as `{"error":{"code","message","status"}}`.
 */
const KEY = 'AIzaSyTestKey0123456789abcdef';
let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers['x-goog-api-key'] !== KEY)
      return sendJson(res, 400, {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
        },
      });
    const match = /^\/v1beta\/models\/([^/:]+):(generateContent|embedContent)$/.exec(req.path);
    if (req.method !== 'POST' || !match)
      return sendJson(res, 404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
    const body = jsonBody<{ contents?: { parts?: { text?: string }[] }[] }>(req);
    if (match[2] === 'embedContent')
      return sendJson(res, 200, { embedding: { values: [0.013, -0.008, 0.25] } });
    const text = body.contents?.[0]?.parts?.[0]?.text;
    return sendJson(res, 200, {
      candidates: [
        { content: { parts: [{ text: `Echo: ${text}` }], role: 'model' }, finishReason: 'STOP', index: 0 },
      ],
      usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 4, totalTokenCount: 13 },
      modelVersion: match[1],
    });
  });
});
afterAll(() => fake.close());

it('generates content in the native request shape', async () => {
  const result = await runAction(
    wireProvider(gemini, fake),
    'generate_content',
    {
      model: 'gemini-2.5-flash',
      prompt: 'Hello',
      system: 'Be brief.',
      temperature: 0.2,
      max_output_tokens: 64,
    },
    { credential: KEY },
  );
  expect(fake.last()).toMatchObject({
    method: 'POST',
    path: '/v1beta/models/gemini-2.5-flash:generateContent',
  });
  expect(jsonBody(fake.last())).toEqual({
    contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
    systemInstruction: { parts: [{ text: 'Be brief.' }] },
    generationConfig: { temperature: 0.2, maxOutputTokens: 64 },
  });
  expect(result).toEqual({
    success: true,
    output: {
      content: 'Echo: Hello',
      finish_reason: 'STOP',
      model: 'gemini-2.5-flash',
      usage: { promptTokenCount: 9, candidatesTokenCount: 4, totalTokenCount: 13 },
    },
    message: 'Completed with gemini-2.5-flash',
    usage: { promptTokens: 9, completionTokens: 4 },
  });
});

it('embeds a text', async () => {
  const result = await runAction(
    wireProvider(gemini, fake),
    'embed_content',
    { model: 'gemini-embedding-001', text: 'hi' },
    { credential: KEY },
  );
  expect(fake.last().path).toBe('/v1beta/models/gemini-embedding-001:embedContent');
  expect(jsonBody(fake.last())).toEqual({ content: { parts: [{ text: 'hi' }] } });
  expect(result.output).toEqual({ values: [0.013, -0.008, 0.25] });
});

it('refuses a model name that is not one, and reports a bad key', async () => {
  await expect(
    runAction(
      wireProvider(gemini, fake),
      'generate_content',
      { model: '../files', prompt: 'x' },
      { credential: KEY },
    ),
  ).rejects.toThrow(/invalid params/);
  const bad = await runAction(
    wireProvider(gemini, fake),
    'generate_content',
    { model: 'gemini-2.5-flash', prompt: 'x' },
    { credential: 'AIzaWrongKey00000' },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Google Gemini responded 400: API key not valid. Please pass a valid API key.',
  });
});
