import OpenAI from 'openai';
import { CheckFailure, excerpt, expectStatus, expectThat, objectOf, stringField } from '../checks';
import type { Finding } from '../reporter';
import type { Section, SmokeContext } from '../smoke-context';

/** What a deployed stage answers on the settings routes when automation is not on for the caller. */
const UNAVAILABLE_CODES = ['automation_disabled', 'automation_not_available'];
const SESSION_SECONDS = 600;

/** An SDK error as a FAIL line: status and a short body excerpt, or why no answer came. */
function sdkFailure(err: unknown): never {
  // The SDK wraps what its fetch threw (the smoke's deadline, a refused connection) as a connection error.
  if (err instanceof OpenAI.APIConnectionError)
    throw err.cause instanceof CheckFailure ? err.cause : new CheckFailure(err.message);
  if (err instanceof OpenAI.APIError)
    throw new CheckFailure(`status ${err.status}: ${excerpt(JSON.stringify(err.error ?? err.message))}`);
  throw err;
}

/**
 * A second key, made, listed and (at cleanup) revoked; the automation settings; and the
 * gateway with the official openai SDK. The gateway runs on the second key, so the
 * session the smoke opens and closes is its own and never one the caller's key is using.
 */
export function identityAndGatewaySection(ctx: SmokeContext): Section {
  let extra: { id: string; key: string } | undefined;
  let client: OpenAI | undefined;
  let dropSessionUndo: (() => void) | undefined;
  const asExtra = () => ({ key: extra!.key });

  const createKey = async () => {
    const res = await ctx.api('POST', '/api/v1/auth/keys', { body: { name: `${ctx.prefix}-key` } });
    expectStatus(res, 201);
    ctx.redactor.add((res.body as { key?: string } | undefined)?.key);
    const id = stringField(res, 'id');
    ctx.cleanup.add('key', async () => {
      const revoked = await ctx.api('DELETE', `/api/v1/auth/keys/${id}`);
      expectStatus(revoked, 200);
      expectThat(objectOf(revoked).revoked === true, 'not revoked', revoked);
      expectThat(!(await listedKeyIds()).includes(id), 'still listed after revoking');
    });
    const key = stringField(res, 'key');
    extra = { id, key };
    client = new OpenAI({
      baseURL: `${ctx.url}/api/v1`,
      apiKey: key,
      maxRetries: 0,
      timeout: ctx.timeoutMs,
      fetch: ctx.http.fetch,
    });
  };

  const listedKeyIds = async () => {
    const res = await ctx.api('GET', '/api/v1/auth/keys');
    expectStatus(res, 200);
    const data = objectOf(res).data;
    expectThat(Array.isArray(data), 'expected a "data" list', res);
    return (data as { id?: unknown; key?: unknown }[]).map((k) => {
      expectThat(k.key === undefined, 'the list shows a key in plaintext');
      return k.id;
    });
  };

  const settings = async (): Promise<void | Finding> => {
    const read = await ctx.api('GET', '/api/v1/automation/settings');
    const error = (read.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (read.status === 400 && UNAVAILABLE_CODES.includes(error?.code ?? '')) {
      return { info: `${error?.message} (400 ${error?.code}); chat runs on an explicitly opened session` };
    }
    expectStatus(read, 200);
    const before = objectOf(read);
    expectThat(typeof before.is_enabled === 'boolean', 'expected "is_enabled"', read);
    const original = before.session_duration;
    expectThat(typeof original === 'number', 'expected "session_duration"', read);
    const changed = original === 900 ? 1200 : 900;
    // Registered before the change is sent: restoring the value read is safe either way.
    ctx.cleanup.add('settings', async () => {
      const restored = await ctx.api('PUT', '/api/v1/automation/settings', {
        body: { session_duration: original },
      });
      expectStatus(restored, 200);
      expectThat(objectOf(restored).session_duration === original, 'not restored', restored);
    });
    const update = await ctx.api('PUT', '/api/v1/automation/settings', {
      body: { session_duration: changed },
    });
    expectStatus(update, 200);
    const after = objectOf(update);
    expectThat(after.session_duration === changed, `session_duration is not ${changed}`, update);
    expectThat(after.is_enabled === before.is_enabled, 'is_enabled changed', update);
  };

  const openSession = async () => {
    const path = `/api/v1/session/modelsession?model_id=${encodeURIComponent(ctx.model)}`;
    const res = await ctx.api('POST', path, { ...asExtra(), body: { sessionDuration: SESSION_SECONDS } });
    expectStatus(res, 200);
    dropSessionUndo = ctx.cleanup.add('session', closeSession);
    stringField(res, 'session_id');
  };

  const closeSession = async () => {
    const res = await ctx.api('POST', '/api/v1/session/closesession', asExtra());
    expectStatus(res, 200);
    expectThat(objectOf(res).success === true, 'not closed', res);
  };

  const chat = async () => {
    const { data, response } = await client!.chat.completions
      .create({ model: ctx.model, messages: [{ role: 'user', content: `Say hello to ${ctx.prefix}` }] })
      .withResponse()
      .catch(sdkFailure);
    expectThat(response.headers.get('x-flowgate-routed-model'), 'no X-Flowgate-Routed-Model header');
    const content = data.choices[0]?.message.content ?? '';
    expectThat(content.trim() !== '', `empty completion: ${excerpt(JSON.stringify(data))}`);
    expectThat(data.usage && data.usage.completion_tokens > 0, `no usage: ${excerpt(JSON.stringify(data))}`);
  };

  const chatStream = async () => {
    const stream = await client!.chat.completions
      .create(
        {
          model: ctx.model,
          messages: [{ role: 'user', content: `Stream a hello to ${ctx.prefix}` }],
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: AbortSignal.timeout(ctx.timeoutMs) },
      )
      .catch(sdkFailure);
    let content = '';
    let finished = false;
    let usage = false;
    try {
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.choices[0]?.finish_reason) finished = true;
        if (chunk.usage && chunk.usage.completion_tokens > 0) usage = true;
      }
    } catch (err) {
      throw err instanceof OpenAI.APIError
        ? sdkFailure(err)
        : new CheckFailure(`stream broke: ${(err as Error).message}`);
    }
    expectThat(content.trim() !== '', 'the stream carried no content');
    expectThat(finished, 'no chunk had a finish_reason');
    expectThat(usage, 'no usage chunk although stream_options.include_usage was set');
  };

  return {
    steps: [
      { name: 'keys.create', run: createKey },
      {
        name: 'keys.list',
        run: async () => expectThat((await listedKeyIds()).includes(extra!.id), 'the new key is not listed'),
      },
      { name: 'automation.settings', run: settings },
      { name: 'session.open', run: openSession },
      { name: 'chat', run: chat },
      { name: 'chat.stream', run: chatStream },
      {
        name: 'session.close',
        run: async () => {
          await closeSession();
          dropSessionUndo?.();
        },
      },
    ],
  };
}
