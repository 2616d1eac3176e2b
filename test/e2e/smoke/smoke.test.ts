import { isolatedEnv } from '../gateway/isolated-env';
// Before the runtime loads: the stack's own defaults (system switch on), nothing another file set.
const restoreEnv = isolatedEnv({});

import type { LocalStack } from '../../../infra/local/local-stack';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { captureEmf } from '../gateway/support';
import {
  CREDENTIAL_SHAPES,
  JOURNEY_CHECKS,
  leftovers,
  runSmoke,
  runSmokeCli,
  type SmokeRun,
} from './smoke-support';

const CLEANUP_CHECKS = ['cleanup.plan', 'cleanup.settings', 'cleanup.key'];

/**
 * `npm run smoke` against the local stack, as CI runs it against `npm start`: a separate
 * process with only the API URL and the stack's demo key. The stack has its own table, so
 * the demo user it creates is this file's alone and no other file's rollout flag applies.
 */
describe('npm run smoke (e2e, against the local stack)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;
  const api = (path: string, method = 'GET', body?: unknown) =>
    callApi(stack.apiUrl, stack.demo.key, path, method, body);
  const settings = async () => {
    const { is_enabled, session_duration } = (await api('/api/v1/automation/settings')).body;
    return { is_enabled, session_duration };
  };

  beforeAll(async () => {
    restoreStdout = captureEmf();
    stack = await startTestStack({ tableName: 'flowgate-smoke' });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    restoreStdout();
    restoreEnv();
  });

  let passing: SmokeRun;
  let settingsBefore: unknown;

  it('passes every check of the journey, cleanup included, and exits 0', async () => {
    settingsBefore = await settings();
    // --verbose also prints every request's path, webhook tokens included, so the redaction is exercised.
    passing = await runSmoke(stack.apiUrl, stack.demo.key, ['--verbose']);
    expect({ code: passing.code, stderr: passing.stderr }).toEqual({ code: 0, stderr: '' });
    expect(passing.checks.map((c) => `${c.outcome} ${c.name}`)).toEqual(
      [...JOURNEY_CHECKS, ...CLEANUP_CHECKS].map((name) => `ok ${name}`),
    );
    expect(passing.stdout).toMatch(/^smoke passed: 26 checks ok, in \d+\.\d s$/m);
  }, 60_000);

  it('never prints a key, a webhook token or a signing secret', () => {
    expect(passing.stdout).toMatch(/^ +POST \/api\/webhook\/<redacted> -> 200 \(\d+ ms\)$/m);
    expect(passing.stdout).not.toContain(stack.demo.key);
    for (const shape of CREDENTIAL_SHAPES) expect(passing.stdout).not.toMatch(shape);
  });

  it('leaves nothing it created behind and puts the automation settings back', async () => {
    expect(passing.prefix).toMatch(/^smoke-\d{8}T\d{6}-[0-9a-f]{4}$/);
    expect(await leftovers(stack.apiUrl, stack.demo.key, passing.prefix)).toEqual([]);
    expect(await settings()).toEqual(settingsBefore);
    expect((await api('/api/v1/auth/keys')).body.data).toEqual([expect.objectContaining({ name: 'demo' })]);
  });

  it('with a revoked key: FAIL lines naming the 401, exit 1, and the key never printed', async () => {
    const created = await api('/api/v1/auth/keys', 'POST', { name: 'revoked-for-smoke' });
    expect((await api(`/api/v1/auth/keys/${created.body.id}`, 'DELETE')).status).toBe(200);

    const run = await runSmoke(stack.apiUrl, created.body.key);
    expect(run.code).toBe(1);
    expect(run.checks.filter((c) => c.outcome === 'ok').map((c) => c.name)).toEqual(['health']);
    // The first check of each section that needs the key fails; the rest of that section is skipped.
    expect(run.checks.filter((c) => c.outcome === 'FAIL').map((c) => c.name)).toEqual([
      'keys.create',
      'plan.create',
      'trace.create',
    ]);
    for (const fail of run.checks.filter((c) => c.outcome === 'FAIL'))
      expect(fail.text).toMatch(/: expected 20[01], got status 401: \{"error":/);
    expect(run.stdout).toMatch(/^smoke FAILED: 3 failed \(keys\.create, plan\.create, trace\.create\)/m);
    expect(run.stdout).not.toContain(created.body.key);
  }, 60_000);

  it('a failure mid-journey skips the rest of its section, the other sections still run, and cleanup undoes everything', async () => {
    // Every attempt the gateway makes at the upstream fails, so the plain chat check cannot pass.
    stack.stubs!.openai.faults.enqueue({
      kind: 'status',
      status: 500,
      path: '/v1/chat/completions',
      times: 20,
    });
    let run: SmokeRun;
    try {
      run = await runSmoke(stack.apiUrl, stack.demo.key);
    } finally {
      stack.stubs!.openai.faults.clear();
    }
    expect(run.code).toBe(1);
    const outcome = Object.fromEntries(run.checks.map((c) => [c.name, c.outcome]));
    expect(outcome).toMatchObject({ 'session.open': 'ok', chat: 'FAIL', 'chat.stream': 'skip' });
    expect(run.checks.find((c) => c.name === 'chat')!.text).toMatch(/^FAIL chat: status 502: /);
    // Newest first: the session the journey could not close itself is closed before its key goes.
    expect(run.checks.slice(-4).map((c) => `${c.outcome} ${c.name}`)).toEqual([
      'ok cleanup.plan',
      'ok cleanup.session',
      'ok cleanup.settings',
      'ok cleanup.key',
    ]);
    const sectionsAfter = JOURNEY_CHECKS.slice(JOURNEY_CHECKS.indexOf('plan.create'));
    expect(sectionsAfter.map((name) => outcome[name])).toEqual(sectionsAfter.map(() => 'ok'));
    expect(await leftovers(stack.apiUrl, stack.demo.key, run.prefix)).toEqual([]);
    expect(await settings()).toEqual(settingsBefore);
  }, 60_000);

  it('exits 2 with the usage on a missing or bad argument, before calling anything', async () => {
    for (const args of [
      ['--key', 'fg_x'],
      ['--url', 'not a url', '--key', 'fg_x'],
      ['--url', stack.apiUrl],
    ]) {
      const run = await runSmokeCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npm run smoke -- --url <api url> --key <api key>');
      expect(run.stdout).toBe('');
    }
  }, 60_000);

  it('nothing any of these runs created is left', async () => {
    expect(await leftovers(stack.apiUrl, stack.demo.key, 'smoke-')).toEqual([]);
  });
});
