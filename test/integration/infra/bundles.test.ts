import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleSizes } from '../../../infra/bundle-report';
import { ensureTable } from '../../../infra/local/dynamodb-local';
import { startLocalStubs, type LocalStubs } from '../../../infra/local/stubs/run-stubs';
import { allFunctions, routes } from '../../../infra/routes';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { ApiKeyRepository } from '../../../shared/identity/api-key-repository';
import { UserRepository } from '../../../shared/identity/user-repository';
import { synthFlowgate } from '../../infra/synth-flowgate';
import { startFakeAws, type AwsCall, type FakeAws } from '../../support/lambda-bundles/fake-aws';
import { runtimeEnvironment, timeoutOf } from '../../support/lambda-bundles/lambda-environment';
import {
  assetFiles,
  copyAssetOut,
  inPool,
  invokeBundle,
  type BundleRun,
} from '../../support/lambda-bundles/run-bundle';
import { AWS_OPERATIONS, SCENARIO, waves, type Earlier } from '../../support/lambda-bundles/bundle-scenario';
import { sampleEvent, type Caller, type SampleEvent } from '../../support/lambda-bundles/sample-events';
import type { LocalValues, TemplateResource } from '../../support/lambda-bundles/template-values';

/**
 * What is tested is what runs: the real stack is synthesized with bundling (as `cdk
 * deploy` would), and every function's asset is copied out of the repository and
 * invoked once in a fresh `node` process with the environment its template gives it,
 * against DynamoDB Local. Bundling all functions takes most of a minute, so it happens
 * once here (the only test that bundles), and the invocations share three processes'
 * worth of parallelism.
 *
 * Nothing leaves the machine: AWS_ENDPOINT_URL sends every SDK client without an explicit
 * endpoint (KMS, Lambda, Scheduler, Secrets Manager) to a local fake, DynamoDB goes to
 * DYNAMODB_ENDPOINT, the LLM upstreams are local stubs, and the bootstrap refuses (and
 * reports) any connection to a non-loopback address.
 */
const REPO = path.resolve(__dirname, '..', '..', '..');
const PARALLEL = 3;
const INVOKE_TIMEOUT_CAP_MS = 30_000;

interface Invocation {
  dir: string;
  env: Record<string, string>;
  run: BundleRun;
  calls: AwsCall[];
}

let template: { Resources: Record<string, TemplateResource> };
let assets: Map<string, { assetDir: string; bytes: number }>;
const invocations = new Map<string, Invocation>();
let stubs: LocalStubs | undefined;
let fakeAws: FakeAws | undefined;

function tableRefs(resources: Record<string, TemplateResource>, tableName: string): Record<string, string> {
  const tables = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');
  return Object.fromEntries(tables.map(([id]) => [id, tableName]));
}

async function createCaller(endpoint: string, tableName: string): Promise<Caller> {
  const deps = { client: createDocumentClient({ endpoint }), tableName };
  try {
    const user = await new UserRepository(deps).create(`bundles-${randomUUID()}@flowgate.test`);
    const created = await new ApiKeyRepository(deps).create(user.userId, 'bundle test');
    return { userId: user.userId, keyId: created.record.keyId, key: created.plaintext };
  } finally {
    deps.client.destroy();
  }
}

beforeAll(async () => {
  const { app, stack } = synthFlowgate({ bundle: true });
  const assembly = app.synth().directory;
  template = JSON.parse(readFileSync(path.join(assembly, `${stack.stackName}.template.json`), 'utf8'));
  assets = new Map(bundleSizes(assembly, stack.stackName).map((b) => [b.name, b]));

  const endpoint = process.env.DYNAMODB_ENDPOINT as string;
  const tableName = `flowgate-bundles-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  const caller = await createCaller(endpoint, tableName);
  fakeAws = await startFakeAws();
  const values: LocalValues = {
    resources: template.Resources,
    refs: tableRefs(template.Resources, tableName),
  };
  const overrides = { DYNAMODB_ENDPOINT: endpoint, AWS_ENDPOINT_URL: fakeAws.url };
  const prepared = allFunctions.flatMap((fn) => {
    const asset = assets.get(fn.name);
    if (!asset) return [];
    const dir = copyAssetOut(asset.assetDir, fn.name);
    const env = runtimeEnvironment({
      logicalId: fn.name,
      taskRoot: path.join(dir, 'task'),
      values,
      overrides,
    });
    return [{ fn, dir, env }];
  });

  // The upstreams are the local stubs, with the user the stack configures and, in the
  // fake Secrets Manager, the credentials its secrets would hold.
  const configured = (name: string) => prepared.map((p) => p.env[name]).find((v) => v !== undefined);
  const username = configured('MORPHEUS_ROUTER_USERNAME');
  stubs = await startLocalStubs({ morpheus: username ? { username } : {} });
  const upstreams: Record<string, string> = {
    UPSTREAM_BASE_URL: `${stubs.openai.url}/v1`,
    MORPHEUS_ROUTER_URL: stubs.morpheus.url,
  };
  const secretValues: Record<string, string> = {
    UPSTREAM_API_KEY_SECRET_ARN: stubs.openai.apiKey,
    MORPHEUS_ROUTER_PASSWORD_SECRET_ARN: stubs.morpheus.password,
  };
  for (const { env } of prepared) {
    for (const [name, url] of Object.entries(upstreams)) if (name in env) env[name] = url;
    for (const [name, value] of Object.entries(secretValues))
      if (env[name]) fakeAws.secrets.set(env[name], value);
  }

  const byName = new Map(prepared.map((p) => [p.fn.name, p]));
  const earlier: Earlier = {
    body: (name) => answeredBody(name),
    calls: (name) => invocation(name).calls,
  };
  for (const wave of waves(prepared.map((p) => p.fn.name))) {
    await inPool(wave, PARALLEL, async (name) => {
      const { fn, dir, env } = byName.get(name)!;
      const timeout = Math.min(timeoutOf(values, name), INVOKE_TIMEOUT_CAP_MS);
      let event: SampleEvent;
      try {
        const sample = sampleEvent(name, caller);
        event = SCENARIO[name]?.event?.(sample, earlier) ?? sample;
      } catch (err) {
        const run = unbuiltEvent(err);
        invocations.set(name, { dir, env, run, calls: [] });
        return;
      }
      const run = await invokeBundle(dir, event, env, timeout);
      const calls = fakeAws!.calls.filter((c) => c.accessKeyId === `ASIA${fn.name}`);
      invocations.set(name, { dir, env, run, calls });
    });
  }
}, 600_000);

afterAll(async () => {
  await Promise.all([stubs?.close(), fakeAws?.close()]);
  for (const { dir } of invocations.values()) rmSync(dir, { recursive: true, force: true });
});

function unbuiltEvent(err: unknown): BundleRun {
  const message = `could not build its event: ${(err as Error).message}`;
  return { phase: 'crashed', error: { message }, outsideModules: [], refusedConnections: [], output: '' };
}

/** The JSON body of a function's 2xx answer: what a later function's event is built from. */
function answeredBody(name: string): Record<string, unknown> {
  const result = invocation(name).run.result as { statusCode?: number; body?: string } | undefined;
  const status = result?.statusCode ?? 0;
  if (status < 200 || status > 299) throw new Error(`${name} answered ${status || 'nothing'}`);
  return JSON.parse(result?.body ?? '') as Record<string, unknown>;
}

function invocation(name: string): Invocation {
  const found = invocations.get(name);
  if (!found) throw new Error(`${name} was not invoked (no asset in the template?)`);
  return found;
}

/** The failure message: what the bundle reported and printed. */
const story = (i: Invocation) =>
  JSON.stringify({ ...i.run, output: undefined, calls: i.calls }, null, 2) + '\n' + i.run.output;

const httpRoutes = routes.map((r) => [r.name, r.streaming] as const);
const otherFunctions = allFunctions
  .filter((f) => !routes.some((r) => r.name === f.name))
  .map((f) => [f.name]);

describe.each(allFunctions.map((f) => [f.name]))('%s', (name) => {
  it('is one minified CommonJS file with an external source map, and the asset metadata sam needs', () => {
    const resource = template.Resources[name];
    expect(resource?.Metadata).toMatchObject({
      'aws:asset:path': expect.stringMatching(/^asset\.[0-9a-f]{64}$/),
      'aws:asset:property': 'Code',
    });
    const { dir } = invocation(name);
    expect(assetFiles(dir)).toEqual(['index.js', 'index.js.map']);
    const code = readFileSync(path.join(dir, 'task', 'index.js'), 'utf8');
    // Minified: thousands of characters per line, not one statement per line.
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.js.map')).toBe(true);
  });

  it('runs from a copy outside the repository, with only its template environment and local endpoints', () => {
    const { dir, env } = invocation(name);
    expect(path.relative(REPO, dir).startsWith('..')).toBe(true);
    expect(env.NODE_PATH).toBeUndefined();
    // Every URL the function was given is local: nothing in its configuration points away.
    const remote = Object.entries(env).filter(
      ([k, v]) => /_URL$|_ENDPOINT$/.test(k) && !/^https?:\/\/127\.0\.0\.1[:/]/.test(v),
    );
    expect(remote).toEqual([]);
  });

  it('loads and answers without a missing module, file or variable, needing nothing from the runtime', () => {
    const i = invocation(name);
    expect({ phase: i.run.phase, error: i.run.error?.message }).toEqual({
      phase: 'invoke',
      error: undefined,
    });
    expect(i.run.output).not.toMatch(
      /Cannot find module|ENOENT|Invalid environment|Missing environment variable/,
    );
    expect(i.run.outsideModules).toEqual([]);
    expect(i.run.refusedConnections).toEqual([]);
    // The local AWS stand-in answered everything it was asked. A schedule that does not
    // exist is an answer: the scheduler adapter reads one before changing it.
    const scheduleNotFound = (c: AwsCall) =>
      c.service === 'scheduler' && c.errorType === 'ResourceNotFoundException';
    expect(i.calls.filter((c) => c.status >= 400 && !scheduleNotFound(c))).toEqual([]);
  });

  it('sends the AWS requests its step of the scenario needs, and no others', () => {
    const operations = [...new Set(invocation(name).calls.map((c) => `${c.service}.${c.operation}`))].sort();
    expect(operations).toEqual(AWS_OPERATIONS[name] ?? []);
  });
});

describe.each(httpRoutes)('%s (HTTP route)', (name, streaming) => {
  it('answers with a JSON body and a status that is not a server error', () => {
    const i = invocation(name);
    const result = i.run.result as { statusCode?: number; body?: string; headers?: Record<string, string> };
    if (typeof result?.statusCode !== 'number') throw new Error(`no HTTP response:\n${story(i)}`);
    expect(i.run.streamed).toBe(streaming);
    if (result.statusCode !== 204) expect(() => JSON.parse(result.body ?? '')).not.toThrow();
    if (result.statusCode >= 500) throw new Error(`answered ${result.statusCode}:\n${story(i)}`);
  });
});

describe.each(otherFunctions)('%s (not an HTTP route)', (name) => {
  it('returns normally', () => {
    const i = invocation(name);
    if (i.run.error) throw new Error(`threw:\n${story(i)}`);
    expect(i.run.phase).toBe('invoke');
  });
});

it("CreateChatCompletion answers with the stub upstream's completion, in the session CreateModelSession opened", () => {
  const result = invocation('CreateChatCompletion').run.result as { statusCode: number; body: string };
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toMatchObject({
    object: 'chat.completion',
    choices: [expect.objectContaining({ message: expect.objectContaining({ role: 'assistant' }) })],
  });
});

it.each([
  ['CreateCompletion', 'text_completion'],
  ['CreateEmbedding', 'list'],
  ['CreateResponse', 'response'],
])("%s answers with the stub upstream's %s, in the same session", (name, object) => {
  const result = invocation(name).run.result as { statusCode: number; body: string };
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body)).toMatchObject({ object });
});

it('ExecuteRun runs to success the run TriggerWebhook handed on through Lambda', () => {
  const queued = answeredBody('TriggerWebhook');
  expect(invocation('ExecuteRun').run.result).toMatchObject({
    runId: queued.run_id,
    claimed: true,
    status: 'success',
  });
});
