import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on.
const restoreEnv = isolatedEnv({ AUTOMATION_FEATURE_ENABLED: 'true' });

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { stubEmbedding } from '../../../infra/local/stubs/openai-endpoints';
import { REPO_ROOT } from '../../support/run-tool';
import { createUser, enableAutomation, failureOf, sdk, useGatewayStack } from './support';

/**
 * The rest of the OpenAI surface, end to end with the official SDK (and the Vercel AI
 * SDK's default provider, which speaks the Responses API): embeddings, legacy
 * completions and responses go through the same authorizer, router, sessions and error
 * rules as chat.
 */
describe('embeddings, completions and responses (e2e)', () => {
  const { stack } = useGatewayStack(restoreEnv);
  const newUser = async () => {
    const u = await createUser('surface');
    await enableAutomation(stack(), u.key);
    return { ...u, client: sdk(stack(), u.key) };
  };
  const raw = (key: string, path: string, body: unknown) =>
    fetch(`${stack().apiUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const events = (text: string) =>
    text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        return { event, data: data === '[DONE]' ? data : (JSON.parse(data) as Record<string, unknown>) };
      });

  it('embeddings: client.embeddings.create on a direct and on a Morpheus model', async () => {
    const { client } = await newUser();
    const direct = await client.embeddings.create({ model: 'gpt-4o', input: ['one', 'two'] });
    expect(direct.data.map((d) => d.index)).toEqual([0, 1]);
    // The SDK asks for base64 and decodes it: the floats arrive intact.
    expect(direct.data[0]!.embedding).toEqual(stubEmbedding('one'));
    expect(stack().stubs!.openai.requests.at(-1)).toMatchObject({
      path: '/v1/embeddings',
      body: { model: 'gpt-4o', input: ['one', 'two'] },
    });
    const floats = await client.embeddings.create({
      model: 'gpt-4',
      input: 'three',
      encoding_format: 'float',
    });
    expect(floats.data[0]!.embedding).toEqual(stubEmbedding('three'));
    const forwarded = stack().stubs!.morpheus.requests.at(-1)!;
    expect(forwarded.path).toBe('/v1/embeddings');
    expect(forwarded.headers.session_id).toMatch(/^0x[0-9a-f]{64}$/);
    expect(forwarded.body).toMatchObject({ model: 'qwen3-235b', input: 'three' });
  });

  it('completions: client.completions.create, streaming and not; a Morpheus model is a 400 naming it', async () => {
    const { client } = await newUser();
    const answer = await client.completions.create({ model: 'gpt-4o', prompt: 'Say this' });
    expect(answer).toMatchObject({ object: 'text_completion', choices: [{ text: 'Echo: Say this' }] });
    const stream = await client.completions.create({ model: 'gpt-4o', prompt: 'Stream this', stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('Echo: Stream this');

    const sentBefore = stack().stubs!.morpheus.requests.length;
    const refused = await failureOf(client.completions.create({ model: 'gpt-4', prompt: 'x' }));
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unsupported_endpoint',
      param: 'model',
    });
    expect(refused.message).toMatch(/'gpt-4' routes to morpheus\/qwen3-235b.*\/v1\/completions/);
    // Refused before any session was opened or anything was sent.
    expect(stack().stubs!.morpheus.requests.length).toBe(sentBefore);
  });

  it('responses: client.responses.create and .stream, with the Responses event types passed through', async () => {
    const { key, client } = await newUser();
    const response = await client.responses.create({ model: 'gpt-4o', input: 'Hello there' });
    expect(response.object).toBe('response');
    expect(response.output_text).toBe('Echo: Hello there');

    const stream = client.responses.stream({ model: 'gpt-4o', input: 'Stream please' });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect((await stream.finalResponse()).output_text).toBe('Echo: Stream please');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(types).toContain('response.output_text.delta');

    const res = await raw(key, '/responses', { model: 'gpt-4o', input: 'names', stream: true });
    const seen = events(await res.text());
    expect(seen.every((e) => e.event !== undefined && e.event === (e.data as { type?: string }).type)).toBe(
      true,
    );
    expect(seen.map((e) => (e.data as { sequence_number: number }).sequence_number)).toEqual(
      seen.map((_, i) => i),
    );

    const refused = await failureOf(client.responses.create({ model: 'gpt-4', input: 'x' }));
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({ code: 'unsupported_endpoint', param: 'model' });
  });

  it('responses: an upstream that breaks mid-stream ends it with an error event, never a quiet end', async () => {
    const { key, client } = await newUser();
    stack().stubs!.openai.faults.enqueue({ kind: 'break-mid-stream', afterChunks: 5, path: '/v1/responses' });
    const res = await raw(key, '/responses', { model: 'gpt-4o', input: 'one two three four', stream: true });
    expect(res.status).toBe(200);
    const seen = events(await res.text());
    expect(seen).toHaveLength(6);
    const last = seen.at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({
      type: 'error',
      code: 'upstream_stream_interrupted',
      param: null,
      sequence_number: 5,
      error: { type: 'upstream_error', code: 'upstream_stream_interrupted' },
    });
    expect(seen.map((e) => e.event)).not.toContain('response.completed');

    // The official SDK raises it.
    stack().stubs!.openai.faults.enqueue({ kind: 'break-mid-stream', afterChunks: 5, path: '/v1/responses' });
    const stream = client.responses.stream({ model: 'gpt-4o', input: 'one two three four' });
    await expect(
      (async () => {
        for await (const _event of stream);
      })(),
    ).rejects.toMatchObject({
      message: 'The model upstream stream was interrupted',
      code: 'upstream_stream_interrupted',
    });
  });

  it('the Vercel AI SDK’s default openai(...) provider (the Responses API) generates and streams', async () => {
    const { key } = await newUser();
    // An ES module package: it runs as a user's script does, in a process of its own.
    const { stdout } = await promisify(execFile)(process.execPath, ['test/support/clients/vercel-ai.mjs'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, FLOWGATE_URL: stack().apiUrl, FLOWGATE_KEY: key },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      generated: 'Echo: Hello from Vercel',
      streamed: 'Echo: Streaming from Vercel',
      outputTokens: 4,
    });
    expect(
      stack()
        .stubs!.openai.requests.slice(-2)
        .map((r) => r.path),
    ).toEqual(['/v1/responses', '/v1/responses']);
  });
});
