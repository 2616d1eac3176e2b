import { startMorpheusStub, type MorpheusStub } from '../../../infra/local/stubs/morpheus-stub';
import { startOpenAiStub, type OpenAiStub } from '../../../infra/local/stubs/openai-stub';
import type { ModelTarget } from '../../../shared/gateway/model-config';
import { CHAT } from '../../../shared/gateway/operations';
import { startSecretsManagerFake, type SecretsManagerFake } from '../../support/fakes/secrets-manager-fake';
import { captureOutput, type CapturedOutput } from '../../support/output-capture';
import { findLeaks } from '../../support/secret-scan';
import { needlesFor } from '../../support/secret-forms';

/*
 * The Secrets Manager adapter as a Lambda runs it: the ARNs and the cache bound from the
 * environment the stack sets, the client from shared/clients, Powertools' cache, and the
 * real backends, against a fake Secrets Manager on loopback (the SDK's own
 * AWS_ENDPOINT_URL_SECRETS_MANAGER points it there). The shared runtime reads its
 * configuration at load, so it is imported only once the environment is set.
 */
type Wiring = typeof import('../../../shared/secrets/upstream-secrets-wiring');
type BackendsModule = typeof import('../../../shared/gateway/backends/backends');

const KEY = 'sk-first-upstream-key-0123456789abcdef';
const ROTATED_KEY = 'sk-rotated-upstream-key-fedcba9876543210';
const ROUTER_PASSWORD = 'router-password-from-secrets-manager';
const DENIED_VALUE = 'a-value-nobody-may-read-4242';
const MAX_AGE_MS = 300_000;

const savedEnv = { ...process.env };
// Only Date: Powertools ages its cache by the clock, while sockets need real timers.
const REAL_TIMERS = [
  'nextTick',
  'setImmediate',
  'clearImmediate',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'hrtime',
  'performance',
] as const;

let fake: SecretsManagerFake;
let openai: OpenAiStub;
let morpheus: MorpheusStub;
let output: CapturedOutput;
let wiring: Wiring;
let backendsModule: BackendsModule;
const arns: Record<'key' | 'password' | 'unrelated' | 'empty' | 'denied', string> = {} as never;

beforeAll(async () => {
  [fake, openai, morpheus] = await Promise.all([
    startSecretsManagerFake(),
    startOpenAiStub({ apiKey: KEY }),
    startMorpheusStub({ password: ROUTER_PASSWORD }),
  ]);
  arns.key = fake.create('flowgate/test/upstream-api-key', KEY);
  arns.password = fake.create('flowgate/test/morpheus-router-password', ROUTER_PASSWORD);
  arns.unrelated = fake.create('flowgate/test/not-for-this-function', 'unrelated-value-0000');
  arns.empty = fake.create('flowgate/test/never-set');
  arns.denied = fake.create('flowgate/test/denied', DENIED_VALUE);
  fake.deny(arns.denied);

  // What the stack gives a function with `llm:upstream`, and nothing of the local stack's.
  delete process.env.UPSTREAM_API_KEY;
  delete process.env.MORPHEUS_ROUTER_PASSWORD;
  delete process.env.UPSTREAM_SECRET_CACHE_SECONDS;
  process.env.UPSTREAM_API_KEY_SECRET_ARN = arns.key;
  process.env.MORPHEUS_ROUTER_PASSWORD_SECRET_ARN = arns.password;
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = fake.url;
  process.env.LOG_LEVEL = 'debug';
  output = captureOutput();
  wiring = await import('../../../shared/secrets/upstream-secrets-wiring');
  backendsModule = await import('../../../shared/gateway/backends/backends');
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS] });
});

afterAll(async () => {
  jest.useRealTimers();
  output?.restore();
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await Promise.all([fake?.close(), openai?.close(), morpheus?.close()]);
});

const reads = (arn: string) =>
  fake.calls().filter((c) => c.operation === 'GetSecretValue' && c.input.SecretId === arn).length;
const later = (ms: number) => jest.setSystemTime(Date.now() + ms);
const signal = () => new AbortController().signal;
const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'ping' }] };
const common = { ownedBy: 'test', created: 0 };
const directTarget: ModelTarget = { id: 'd', backend: 'direct', model: 'gpt-4o', ...common };
const routerTarget: ModelTarget = {
  id: 'm',
  backend: 'morpheus',
  model: 'llama',
  blockchainId: `0x${'1a'.repeat(32)}`,
  ...common,
};

/** A cold start: the gateway's backends over the adapter the wiring picks (no local stand-in installed). */
const coldStart = () =>
  backendsModule.createBackends({
    upstreamBaseUrl: `${openai.url}/v1`,
    morpheusRouterUrl: morpheus.url,
    morpheusUsername: morpheus.username,
    secrets: wiring.upstreamSecrets(),
  });

describe('upstream secrets from Secrets Manager (Powertools Parameters)', () => {
  it('reads the key once per cold start, serves it from the cache for 300 s, and a rotation after that', async () => {
    const direct = backendsModule.backendFor(coldStart(), 'direct');
    const chat = () =>
      direct.send({ operation: CHAT, body, sessionId: 'sess_x', target: directTarget, signal: signal() });

    for (let i = 0; i < 3; i++) expect((await chat()).status).toBe(200);
    expect(reads(arns.key)).toBe(1);
    expect(openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);

    fake.rotate(arns.key, ROTATED_KEY);
    later(MAX_AGE_MS - 1000);
    // Within the bound the container still sends what it read, without asking again.
    expect((await chat()).status).toBe(200);
    expect(reads(arns.key)).toBe(1);

    later(2000);
    await chat().catch(() => undefined); // the stub still expects the old key: a 401
    expect(reads(arns.key)).toBe(2);
    expect(openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${ROTATED_KEY}`);
    expect(direct.secrets).toEqual([ROTATED_KEY, KEY]);

    // The next cold start reads once again, and only once.
    const next = backendsModule.backendFor(coldStart(), 'direct');
    await next.openSession(directTarget, 60, signal());
    await next.openSession(directTarget, 60, signal());
    expect(reads(arns.key)).toBe(3);
  });

  it('Morpheus builds basic auth from the password it read once', async () => {
    const router = backendsModule.backendFor(coldStart(), 'morpheus');
    const id = await router.openSession(routerTarget, 600, signal());
    await router.closeSession(id, signal());
    const basic = Buffer.from(`${morpheus.username}:${ROUTER_PASSWORD}`).toString('base64');
    expect(morpheus.requests.at(-1)!.headers.authorization).toBe(`Basic ${basic}`);
    expect(reads(arns.password)).toBe(1);
  });

  it('a secret that has no value yet is "not configured", and is asked for again until it has one', async () => {
    const { AwsUpstreamSecrets } = await import('../../../shared/secrets/aws-upstream-secrets');
    const { secretsManagerClient } = await import('../../../shared/clients/secrets-manager');
    const secrets = new AwsUpstreamSecrets({
      client: secretsManagerClient(),
      arns: { upstreamApiKey: arns.empty },
      maxAgeSeconds: 300,
    });
    await expect(secrets.upstreamApiKey()).resolves.toBeUndefined();
    await expect(secrets.routerPassword()).resolves.toBeUndefined();
    fake.rotate(arns.empty, 'set-at-last-value-0001');
    await expect(secrets.upstreamApiKey()).resolves.toBe('set-at-last-value-0001');
    expect(reads(arns.empty)).toBe(2);
  });

  it('a secret it may not read fails typed, names the secret and not its value, and is logged', async () => {
    const { AwsUpstreamSecrets } = await import('../../../shared/secrets/aws-upstream-secrets');
    const { SecretUnavailableError } = await import('../../../shared/secrets/upstream-secrets');
    const { secretsManagerClient } = await import('../../../shared/clients/secrets-manager');
    const secrets = new AwsUpstreamSecrets({
      client: secretsManagerClient(),
      arns: { routerPassword: arns.denied },
      maxAgeSeconds: 300,
    });
    const err = await secrets.routerPassword().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretUnavailableError);
    expect((err as Error).message).toBe(`Could not read the secret ${arns.denied}`);
    const logged = output.lines().filter((l) => l.line.includes('could not read a secret'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.line)).toMatchObject({ level: 'error', resource: arns.denied });
  });

  it('asked Secrets Manager for nothing but the ARNs it was given, signed for secretsmanager', () => {
    const asked = new Set(fake.calls().map((c) => c.input.SecretId));
    expect(asked).toEqual(new Set([arns.key, arns.password, arns.empty, arns.denied]));
    expect(asked.has(arns.unrelated)).toBe(false);
    expect(new Set(fake.calls().map((c) => `${c.operation} ${c.signedFor}`))).toEqual(
      new Set(['GetSecretValue secretsmanager']),
    );
  });

  it('printed no secret value in any log line', () => {
    const lines = output.lines();
    expect(lines.length).toBeGreaterThan(0);
    const needles = [KEY, ROTATED_KEY, ROUTER_PASSWORD, DENIED_VALUE, 'set-at-last-value-0001'].flatMap((v) =>
      needlesFor(v.slice(0, 8), v),
    );
    const sources = lines.map((l, i) => ({ label: `${l.stream} line ${i + 1}`, text: l.line }));
    expect(findLeaks(sources, needles)).toEqual([]);
  });
});
