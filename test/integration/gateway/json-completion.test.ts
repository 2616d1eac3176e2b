import * as z from 'zod';
import { startMorpheusStub, type MorpheusStub } from '../../../infra/local/stubs/morpheus-stub';
import { startOpenAiStub, type OpenAiStub } from '../../../infra/local/stubs/openai-stub';
import { completeJson } from '../../../shared/gateway/chat/json-completion';
import { createGateway, gatewayConfigFromEnv, type Gateway } from '../../../shared/gateway/gateway';
import { Logger } from '../../../shared/logger';
import { testRepositoryDeps } from '../../support/identity';
import { SettableSecrets } from '../../support/upstream-secrets';
import { newIdentity } from './support';

const log = new Logger({}, 'silent');
const plan = (content: string) => [
  { role: 'system' as const, content: 'Answer with a JSON plan.' },
  { role: 'user' as const, content },
];

/** The reusable "JSON out of the LLM" call (for drafting plans), through router, session and backend. */
describe('completeJson', () => {
  const deps = testRepositoryDeps();
  let openai: OpenAiStub;
  let morpheus: MorpheusStub;
  let gateway: Gateway;

  beforeAll(async () => {
    [openai, morpheus] = await Promise.all([startOpenAiStub(), startMorpheusStub()]);
    const base = gatewayConfigFromEnv();
    gateway = createGateway(deps, {
      ...base,
      // Automation off for everyone: this call must work regardless.
      automationEnabled: false,
      backends: {
        upstreamBaseUrl: `${openai.url}/v1`,
        morpheusRouterUrl: morpheus.url,
        morpheusUsername: morpheus.username,
        secrets: new SettableSecrets({ upstreamApiKey: openai.apiKey, routerPassword: morpheus.password }),
      },
      chat: { ...base.chat, retryBaseMs: 1 },
    });
  });
  afterAll(async () => {
    await Promise.all([openai.close(), morpheus.close()]);
    deps.client.destroy();
  });

  it('returns the parsed, schema-checked JSON and asks the upstream for JSON mode', async () => {
    const Steps = z.object({ steps: z.array(z.object({ provider: z.string() })) });
    const result = await completeJson(gateway.chat, {
      identity: newIdentity(),
      model: 'gpt-4o',
      messages: plan('STUB_JSON: {"steps":[{"provider":"slack"}]}'),
      schema: Steps,
      temperature: 0,
      log,
    });
    expect(result.value).toEqual({ steps: [{ provider: 'slack' }] });
    expect(result.routedModel).toBe('direct/gpt-4o');
    expect(result.usage).toMatchObject({ total_tokens: expect.any(Number) });
    expect(openai.requests.at(-1)?.body).toMatchObject({
      model: 'gpt-4o',
      response_format: { type: 'json_object' },
      temperature: 0,
      stream: false,
    });
  });

  it('opens a session on a session backend even with automation off', async () => {
    const opens = morpheus.opens;
    const result = await completeJson(gateway.chat, {
      identity: newIdentity(),
      model: 'gpt-4',
      messages: plan('STUB_JSON: ```json {"ok":true} ```'),
      log,
    });
    expect(result.value).toEqual({ ok: true });
    expect(morpheus.opens - opens).toBe(1);
  });

  it.each([
    ['not JSON', 'STUB_JSON: here is your plan', 'llm_invalid_json'],
    ['the wrong shape', 'STUB_JSON: {"steps":"none"}', 'llm_invalid_output'],
  ])('refuses an answer that is %s with a 502', async (_label, content, code) => {
    await expect(
      completeJson(gateway.chat, {
        identity: newIdentity(),
        model: 'gpt-4o',
        messages: plan(content),
        schema: z.object({ steps: z.array(z.unknown()) }),
        log,
      }),
    ).rejects.toMatchObject({ statusCode: 502, code });
  });

  it('passes upstream failures on as the gateway’s errors', async () => {
    openai.faults.enqueue({ kind: 'status', status: 429, path: '/v1/chat/completions' });
    await expect(
      completeJson(gateway.chat, { identity: newIdentity(), model: 'gpt-4o', messages: plan('x'), log }),
    ).rejects.toMatchObject({ statusCode: 429 });
  });
});
