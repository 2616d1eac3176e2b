import { createGroqProvider, groq, GROQ_BASE_URL } from '../../../../../shared/providers/groq';
import { createOpenAiProvider, openai, OPENAI_BASE_URL } from '../../../../../shared/providers/openai';
import { openaiCompatible } from '../../../../../shared/providers/openai-compatible';
import { validateStep } from '../../../../../shared/providers/registry';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { startOpenAiFake } from '../../../../support/fakes/openai-fake';
import { runAction } from '../../../../support/fakes/provider-context';

const KEY = 'sk-test-0123456789abcdefghij';
let openaiFake: FakeServer;
let groqFake: FakeServer;
let localFake: FakeServer;

beforeAll(async () => {
  openaiFake = await startOpenAiFake({ apiKey: KEY });
  groqFake = await startOpenAiFake({ apiKey: 'gsk_groq_key_0123456789', prefix: '/openai/v1' });
  localFake = await startOpenAiFake({ reply: () => '{"sentiment":"positive","score":0.9}' });
});
afterAll(() => Promise.all([openaiFake.close(), groqFake.close(), localFake.close()]));

describe('the production providers point at the real hosts', () => {
  it('uses the documented base URLs', () => {
    expect(OPENAI_BASE_URL).toBe('https://api.openai.com/v1');
    expect(GROQ_BASE_URL).toBe('https://api.groq.com/openai/v1');
    expect(openai.name).toBe('openai');
    expect(groq.name).toBe('groq');
    expect(openaiCompatible.name).toBe('openai_compatible');
    for (const p of [openai, groq, openaiCompatible]) expect(p.credentialType).toBe('api_key');
  });

  it('does not let a plan redirect openai or groq to another host', () => {
    const result = validateStep(openai, 'chat_completion', {
      model: 'm',
      prompt: 'p',
      base_url: 'https://evil.example',
    });
    expect(result).toMatchObject({ success: false, issues: [{ code: 'unrecognized_keys' }] });
  });
});

describe('openai chat_completion', () => {
  let provider: ProviderDefinition;
  beforeAll(() => {
    provider = createOpenAiProvider({ baseUrl: `${openaiFake.url}/v1` });
  });

  it('sends the OpenAI wire request and parses the completion', async () => {
    const result = await runAction(
      provider,
      'chat_completion',
      { model: 'gpt-4o-mini', system: 'Be brief.', prompt: 'Hello there', temperature: 0.2, max_tokens: 50 },
      { credential: KEY },
    );
    const req = openaiFake.last();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(jsonBody(req)).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello there' },
      ],
      stream: false,
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(result).toEqual({
      success: true,
      output: {
        content: 'echo: Hello there',
        model: 'gpt-4o-mini',
        finish_reason: 'stop',
        usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
        id: 'chatcmpl-fake123',
      },
      message: 'Completed with gpt-4o-mini',
      usage: { promptTokens: 9, completionTokens: 3 },
    });
  });

  it('passes messages through as given', async () => {
    const messages = [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ];
    const result = await runAction(
      provider,
      'chat_completion',
      { model: 'm', messages, stop: ['\n'] },
      { credential: KEY },
    );
    expect(jsonBody(openaiFake.last())).toMatchObject({ messages, stop: ['\n'] });
    expect(result.output).toMatchObject({ content: 'echo: c' });
  });

  it('reports an upstream 4xx with its error message as a failed step', async () => {
    const wrongKey = await runAction(
      provider,
      'chat_completion',
      { model: 'm', prompt: 'x' },
      { credential: 'sk-wrong-key-000000000000' },
    );
    expect(wrongKey).toMatchObject({
      success: false,
      message: 'OpenAI responded 401: Incorrect API key provided.',
    });
    expect(wrongKey.output).toMatchObject({ status: 401, body: { error: { code: 'invalid_api_key' } } });
    const noModel = await runAction(
      provider,
      'chat_completion',
      { model: 'no-such-model', prompt: 'x' },
      { credential: KEY },
    );
    expect(noModel.message).toBe('OpenAI responded 404: The model `no-such-model` does not exist');
  });

  it('fails without a stored key before calling anything', async () => {
    const before = openaiFake.requests.length;
    await expect(runAction(provider, 'chat_completion', { model: 'm', prompt: 'x' })).rejects.toThrow(
      'No API key stored for provider openai',
    );
    expect(openaiFake.requests.length).toBe(before);
  });

  it('lets 5xx surface as retryable (the engine retries it)', async () => {
    openaiFake.respondNext({ status: 502, body: { error: { message: 'Bad gateway' } } });
    await expect(
      runAction(provider, 'chat_completion', { model: 'm', prompt: 'x' }, { credential: KEY }),
    ).rejects.toMatchObject({
      name: 'RetryableProviderError',
      status: 502,
    });
  });

  it('fails a reply with no message content', async () => {
    openaiFake.respondNext({ status: 200, body: { id: 'x', choices: [] } });
    const result = await runAction(
      provider,
      'chat_completion',
      { model: 'm', prompt: 'x' },
      { credential: KEY },
    );
    expect(result).toMatchObject({ success: false, message: 'OpenAI returned no message content' });
  });

  it('needs messages or a prompt', () => {
    expect(validateStep(provider, 'chat_completion', { model: 'm' })).toMatchObject({
      success: false,
      issues: [{ path: 'params.messages', message: 'give messages or prompt' }],
    });
  });
});

describe('groq chat_completion', () => {
  it('calls the Groq path with the Groq key', async () => {
    const provider = createGroqProvider({ baseUrl: `${groqFake.url}/openai/v1` });
    const result = await runAction(
      provider,
      'chat_completion',
      { model: 'llama-3.1-8b-instant', prompt: 'hi' },
      { credential: 'gsk_groq_key_0123456789' },
    );
    expect(groqFake.last()).toMatchObject({ method: 'POST', path: '/openai/v1/chat/completions' });
    expect(groqFake.last().headers.authorization).toBe('Bearer gsk_groq_key_0123456789');
    expect(result).toMatchObject({
      success: true,
      output: { content: 'echo: hi', model: 'llama-3.1-8b-instant' },
    });
  });
});

describe('openai_compatible chat_completion', () => {
  it('calls the base_url of the step, with no key when none is stored, and parses JSON replies', async () => {
    const result = await runAction(openaiCompatible, 'chat_completion', {
      base_url: `${localFake.url}/v1/`,
      model: 'llama3',
      prompt: 'Rate this',
      response_format: 'json_object',
    });
    const req = localFake.last();
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBeUndefined();
    expect(jsonBody(req)).toMatchObject({ response_format: { type: 'json_object' } });
    expect(result).toMatchObject({ success: true, output: { json: { sentiment: 'positive', score: 0.9 } } });
  });

  it('sends the key when one is stored', async () => {
    await runAction(
      openaiCompatible,
      'chat_completion',
      { base_url: `${localFake.url}/v1`, model: 'm', prompt: 'x' },
      { credential: 'local-key-1234' },
    );
    expect(localFake.last().headers.authorization).toBe('Bearer local-key-1234');
  });

  it('fails when a JSON reply is not JSON', async () => {
    localFake.respondNext({
      status: 200,
      body: { model: 'm', choices: [{ message: { content: 'not json' }, finish_reason: 'stop' }] },
    });
    const result = await runAction(openaiCompatible, 'chat_completion', {
      base_url: `${localFake.url}/v1`,
      model: 'm',
      prompt: 'x',
      response_format: 'json_object',
    });
    expect(result).toMatchObject({
      success: false,
      message: 'OpenAI-compatible API did not return valid JSON',
    });
  });

  it('requires base_url and refuses one the guard would refuse', () => {
    expect(validateStep(openaiCompatible, 'chat_completion', { model: 'm', prompt: 'x' })).toMatchObject({
      success: false,
      issues: [{ path: 'params.base_url' }],
    });
    expect(
      validateStep(openaiCompatible, 'chat_completion', { base_url: 'http://u@h/', model: 'm', prompt: 'x' }),
    ).toMatchObject({
      success: false,
    });
  });

  it('is blocked by the guard when base_url points at a private address', async () => {
    await expect(
      runAction(openaiCompatible, 'chat_completion', {
        base_url: 'http://169.254.169.254/v1',
        model: 'm',
        prompt: 'x',
      }),
    ).rejects.toThrow(/Outbound request blocked/);
  });
});
