import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads: the system switch on, and a short open deadline so the
// hanging router is quick to give up on.
const OPEN_TIMEOUT_MS = 400;
const restoreEnv = isolatedEnv({
  AUTOMATION_FEATURE_ENABLED: 'true',
  SESSION_OPEN_TIMEOUT_MS: String(OPEN_TIMEOUT_MS),
});

import type { Fault } from '../../../infra/local/stubs/morpheus-stub';
import type { LocalStack } from '../../../infra/local/local-stack';
import { jsonOf } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import {
  failingCall,
  MORPHEUS_MODEL,
  OPEN_PATHS,
  rawStreamFailure,
  sessionFailureLines,
  sessionItem,
} from './session-open-support';
import { call, captureEmf, createUser, enableAutomation, sdk, user } from './support';

const OPEN_PATH = '/blockchain/models/*/session';

/** How the proxy-router fails while opening, and what the caller must see instead of a 500. */
const FAULTS: ReadonlyArray<[string, (secret: string) => Fault, number, string, string, string]> = [
  [
    'answers 500 (echoing our credentials)',
    (secret) => ({ kind: 'status', status: 500, body: { error: `signing failed for ${secret}` } }),
    502,
    'upstream_error',
    'upstream_error',
    'server_error',
  ],
  [
    'hangs beyond SESSION_OPEN_TIMEOUT_MS',
    () => ({ kind: 'delay', ms: 10 * OPEN_TIMEOUT_MS }),
    504,
    'upstream_timeout',
    'timeout_error',
    'timeout',
  ],
  [
    'answers 200 with a JSON body that does not parse',
    () => ({ kind: 'malformed-json' }),
    502,
    'upstream_invalid_response',
    'upstream_error',
    'malformed_response',
  ],
  [
    'answers 200 with a body that is not JSON at all',
    () => ({ kind: 'status', status: 200, body: '<html>upstream proxy</html>' }),
    502,
    'upstream_invalid_response',
    'upstream_error',
    'malformed_response',
  ],
  [
    'answers 200 with JSON but no valid sessionID',
    () => ({ kind: 'status', status: 200, body: { sessionID: '0x1234' } }),
    502,
    'upstream_invalid_response',
    'upstream_error',
    'malformed_response',
  ],
  [
    'drops the connection',
    () => ({ kind: 'reset' }),
    502,
    'upstream_unreachable',
    'upstream_error',
    'connection',
  ],
];

/**
 * The Morpheus proxy-router failing while a key's model session is being opened, on
 * every path that opens one: a 502 (504 for a timeout) in the OpenAI error shape with a
 * stable code, the failure counted, and no lease left in the table.
 */
describe('session open failures at the proxy-router (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;
  const morpheus = () => stack.stubs!.morpheus;
  const secret = () => morpheus().password;
  const enqueue = (fault: Fault) => morpheus().faults.enqueue({ ...fault, method: 'POST', path: OPEN_PATH });

  const newUser = async () => {
    const u = await createUser('open-faults');
    await enableAutomation(stack, u.key);
    return { ...u, client: sdk(stack, u.key) };
  };

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });
  afterEach(() => morpheus().faults.clear());

  describe.each(FAULTS)('the router %s', (_label, fault, status, code, type, errorType) => {
    it.each(OPEN_PATHS)('%s → the status, code and metric, and no lease left', async (_path, open) => {
      const { keyId, client } = await newUser();
      enqueue(fault(secret()));

      const { err, lines } = await failingCall(() => open(client));

      expect(err.status).toBe(status);
      expect(err.error).toEqual({
        message: expect.stringMatching(/^Could not open a model session: /),
        type,
        param: null,
        code,
      });
      // The model was routed before the open failed, and the error says where.
      expect(err.headers?.get('x-flowgate-routed-model')).toBe('morpheus/qwen3-235b');
      const said = JSON.stringify(err.error);
      expect(said).not.toContain(secret());
      expect(said).not.toContain(morpheus().url);
      expect(sessionFailureLines(lines)).toEqual([
        expect.objectContaining({ Backend: 'morpheus', ErrorType: errorType, SessionCreationFailures: 1 }),
      ]);
      expect(lines.filter((l) => 'UpstreamErrors' in l)).toEqual([
        expect.objectContaining({ ErrorType: errorType, UpstreamErrors: 1 }),
      ]);
      expect(lines.some((l) => 'SessionCreations' in l)).toBe(false);
      expect(await sessionItem(keyId)).toBeUndefined();
    });

    it('streaming: a JSON error with that status, and not one byte of SSE', async () => {
      const { key } = await newUser();
      enqueue(fault(secret()));
      const { status: got, contentType, text } = await rawStreamFailure(stack, key);
      expect(got).toBe(status);
      expect(contentType).toBe('application/json');
      expect(JSON.parse(text)).toEqual({
        error: {
          message: expect.stringMatching(/^Could not open a model session: /),
          type,
          param: null,
          code,
        },
      });
    });
  });

  it('once the fault is gone, the next request opens a session at once (no lease to wait out)', async () => {
    const { key, keyId, client } = await newUser();
    enqueue({ kind: 'delay', ms: 10 * OPEN_TIMEOUT_MS });
    expect((await failingCall(() => OPEN_PATHS[1]![1](client))).err.status).toBe(504);

    const opens = morpheus().opens;
    const started = Date.now();
    const answer = await client.chat.completions.create({ model: MORPHEUS_MODEL, messages: user('now') });
    expect(answer.choices[0]?.message.content).toBe('Echo: now');
    // A lease left behind would hold this request for the lease's life (open timeout + 5 s).
    expect(Date.now() - started).toBeLessThan(OPEN_TIMEOUT_MS + 5_000);
    expect(morpheus().opens - opens).toBe(1);
    expect(await sessionItem(keyId)).toMatchObject({ state: 'active', backend: 'morpheus' });
    expect((await jsonOf(await call(stack, key, 'GET', '/api/v1/session'))).target).toBe(
      'morpheus/qwen3-235b',
    );
  });

  it('a failed renewal of a session the router calls expired: 502, and the next request renews it', async () => {
    const { key, keyId, client } = await newUser();
    await client.chat.completions.create({ model: MORPHEUS_MODEL, messages: user('first') });
    const dead = await jsonOf(await call(stack, key, 'GET', '/api/v1/session'));
    morpheus().expireSession(dead.session_id);
    enqueue({ kind: 'status', status: 500 });

    const { err, lines } = await failingCall(() => OPEN_PATHS[1]![1](client));
    expect(err.status).toBe(502);
    expect(err.error).toMatchObject({
      code: 'upstream_error',
      message: expect.stringMatching(/^Could not open/),
    });
    expect(sessionFailureLines(lines)).toEqual([
      expect.objectContaining({ Backend: 'morpheus', ErrorType: 'server_error', SessionCreationFailures: 1 }),
    ]);
    expect(await sessionItem(keyId)).toMatchObject({ state: 'active', sessionId: dead.session_id });

    const answer = await client.chat.completions.create({ model: MORPHEUS_MODEL, messages: user('renewed') });
    expect(answer.choices[0]?.message.content).toBe('Echo: renewed');
    expect((await sessionItem(keyId))?.sessionId).not.toBe(dead.session_id);
  });

  it('a failed explicit open keeps the session it was going to replace', async () => {
    const { key, keyId, client } = await newUser();
    const kept = await jsonOf(
      await call(stack, key, 'POST', `/api/v1/session/modelsession?model_id=${MORPHEUS_MODEL}`, {
        sessionDuration: 600,
      }),
    );
    expect(kept).toMatchObject({ backend: 'morpheus' });
    enqueue({ kind: 'status', status: 500 });

    expect((await failingCall(() => OPEN_PATHS[0]![1](client))).err.status).toBe(502);

    expect(await sessionItem(keyId)).toMatchObject({ state: 'active', sessionId: kept.session_id });
    expect(await jsonOf(await call(stack, key, 'GET', '/api/v1/session'))).toEqual({
      ...kept,
      sessions: [kept],
    });
    expect(morpheus().sessions.get(kept.session_id)?.state).toBe('open');
    const answer = await client.chat.completions.create({
      model: MORPHEUS_MODEL,
      messages: user('still mine'),
    });
    expect(answer.choices[0]?.message.content).toBe('Echo: still mine');
    expect(morpheus().requests.at(-1)?.headers.session_id).toBe(kept.session_id);
  });
});
