import { OPENAI_COMPATIBLE_APIS } from '../../../../../shared/providers/openai-compatible/catalog';
import { createOpenAiCompatibleProvider } from '../../../../../shared/providers/openai-compatible/factory';
import { getProvider } from '../../../../../shared/providers/registry';
import { jsonBody, sendJson, startFakeServer, type FakeServer } from '../../../../support/fakes/fake-server';
import { runAction } from '../../../../support/fakes/provider-context';

/**
 * What each vendor's documentation says a chat completion request looks like: the exact path
 * and the header that carries the key. Written from the docs, not from the catalogue: the
 * entries marked wire-tested must send exactly this.
 */
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const DOCUMENTED: Record<string, { credential: string; path: string; header: [string, string] }> = {
  azure_openai: {
    credential: JSON.stringify({ resource: 'contoso', api_key: 'azure-key-0123456789' }),
    path: '/openai/v1/chat/completions',
    header: ['api-key', 'azure-key-0123456789'],
  },
  cloudflare_workers_ai: {
    credential: JSON.stringify({ account_id: ACCOUNT, api_token: 'cf-token-0123456789' }),
    path: `/client/v4/accounts/${ACCOUNT}/ai/v1/chat/completions`,
    header: ['authorization', 'Bearer cf-token-0123456789'],
  },
  together: {
    credential: 'together-key-0123456789',
    path: '/v1/chat/completions',
    header: ['authorization', 'Bearer together-key-0123456789'],
  },
  deepseek: {
    credential: 'sk-deepseek-0123456789',
    path: '/chat/completions',
    header: ['authorization', 'Bearer sk-deepseek-0123456789'],
  },
};

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || !req.path.endsWith('/chat/completions'))
      return sendJson(res, 404, { error: { message: 'Unknown request URL', type: 'invalid_request_error' } });
    const body = jsonBody<{ model: string; messages: { content: string }[] }>(req);
    return sendJson(res, 200, {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: `echo: ${body.messages.at(-1)?.content}` },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
  });
});
afterAll(() => fake.close());

const byName = new Map(OPENAI_COMPATIBLE_APIS.map((entry) => [entry.name, entry]));

it('marks exactly the entries checked here as wire-tested', () => {
  const claimed = OPENAI_COMPATIBLE_APIS.filter((e) => e.verification === 'wire-tested').map((e) => e.name);
  expect(claimed.sort()).toEqual(Object.keys(DOCUMENTED).sort());
});

it.each(Object.entries(DOCUMENTED))('%s sends the documented path and key header', async (name, expected) => {
  const provider = createOpenAiCompatibleProvider({ ...byName.get(name)!, origin: fake.url });
  const result = await runAction(
    provider,
    'chat_completion',
    { model: 'some-model', prompt: 'Hello' },
    { credential: expected.credential },
  );
  const req = fake.last();
  expect(req.path).toBe(expected.path);
  expect(req.headers[expected.header[0]]).toBe(expected.header[1]);
  if (expected.header[0] !== 'authorization') expect(req.headers.authorization).toBeUndefined();
  expect(jsonBody(req)).toEqual({
    model: 'some-model',
    messages: [{ role: 'user', content: 'Hello' }],
    stream: false,
  });
  expect(result).toMatchObject({
    success: true,
    output: { content: 'echo: Hello' },
    usage: { promptTokens: 5, completionTokens: 2 },
  });
});

it('refuses an Azure resource name that would change the host, without naming the key', async () => {
  const provider = createOpenAiCompatibleProvider({ ...byName.get('azure_openai')!, origin: fake.url });
  const credential = JSON.stringify({ resource: 'evil.example/x', api_key: 'azure-key-0123456789' });
  await expect(
    runAction(provider, 'chat_completion', { model: 'm', prompt: 'x' }, { credential }),
  ).rejects.toThrow('The stored credential for azure_openai has a malformed resource');
});

it('registers every entry, https for hosted ones and base_url per step for self-hosted ones', () => {
  for (const entry of OPENAI_COMPATIBLE_APIS) {
    const provider = getProvider(entry.name)!;
    expect(provider).toMatchObject({ name: entry.name, category: 'ai', docsUrl: entry.docsUrl });
    expect(entry.docsUrl).toMatch(/^https:\/\//);
    if (entry.baseUrl) expect(entry.baseUrl).toMatch(/^https:\/\/[^/]+/);
    else expect(entry.credentialRequired).toBe(false);
  }
  expect(OPENAI_COMPATIBLE_APIS.length + 3).toBeGreaterThanOrEqual(25);
});
