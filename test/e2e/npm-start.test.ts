import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_OPENAI_STUB_KEY } from '../../infra/local/stubs/openai-stub';
import { callApi, jsonOf } from '../support/http';
import { runRefusedCli, startCli, stopCli, type StartedCli } from '../support/npm-start';
import { REPO_ROOT, javaProcessesMentioning, runTool } from '../support/run-tool';

const mode = (file: string) => statSync(file).mode & 0o777;

/** Every entry under `dir` with its permission bits, relative paths sorted. */
function modesUnder(dir: string): [string, number][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((entry) => [entry, mode(path.join(dir, entry))]);
}

/** The JSON a handler returned, from `npm run invoke`'s stdout (metric lines skipped). */
function invokeResult(stdout: string) {
  const lines = stdout.split('\n').filter((line) => !line.includes('"_aws"'));
  return JSON.parse(lines.join('\n'));
}

describe('npm start (e2e, real process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-start-'));
  let first: StartedCli;
  beforeAll(async () => {
    // As an older run or a careless umask may have left it.
    chmodSync(dataDir, 0o755);
    first = await startCli(dataDir);
  }, 120_000);
  afterAll(async () => {
    if (first?.child.exitCode === null) await stopCli(first);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the API and prints how to use it', async () => {
    expect(first.output()).toContain('created now');
    expect(first.output()).toContain(
      `export FLOWGATE_URL=${first.apiUrl}\n  export FLOWGATE_KEY=${first.key}\n`,
    );
    expect(first.output()).toContain('curl -s $FLOWGATE_URL/api/v1/chat/completions');
    expect(first.output()).toContain('node infra/local/examples/chat.mjs');
    expect((await fetch(`${first.apiUrl}/api/health`)).status).toBe(200);
    expect(javaProcessesMentioning(dataDir)).toHaveLength(1);
  });

  it('keeps the data directory private: the directory 0700, every file in it 0600, the database included', () => {
    expect(mode(dataDir)).toBe(0o700);
    const entries = modesUnder(dataDir);
    expect(entries.map(([name]) => name)).toEqual(
      expect.arrayContaining(['demo-key', 'dynamodb', 'kms.key', 'stack.json', 'stack.lock']),
    );
    expect(entries.some(([name]) => name.startsWith('dynamodb/') && name.endsWith('.db'))).toBe(true);
    expect(entries).toEqual(entries.map(([name]) => [name, name === 'dynamodb' ? 0o700 : 0o600]));
  });

  it('refuses a second npm start on the same directory, with one clear line, touching nothing', async () => {
    const stateBefore = readFileSync(path.join(dataDir, 'stack.json'), 'utf8');
    const refused = await runRefusedCli(dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toBe(
      `npm start: ${dataDir} is in use by the local stack with pid ${first.child.pid}; ` +
        'stop that one first, or start another with --data-dir <another directory>\n',
    );
    expect(readFileSync(path.join(dataDir, 'stack.json'), 'utf8')).toBe(stateBefore);
    expect(javaProcessesMentioning(dataDir)).toHaveLength(1);
    const keys = await callApi(first.apiUrl, first.key, '/api/v1/auth/keys');
    expect(keys.status).toBe(200);
  }, 60_000);

  it('lets npm run admin and npm run invoke work on that stack (--data-dir): its table and its KMS key', async () => {
    const created = await runTool('infra/admin/cli.ts', [
      'create-user',
      '--email',
      'ops@example.com',
      '--data-dir',
      dataDir,
    ]);
    expect(created.code).toBe(0);
    const userId = /user\s+(\S+)/.exec(created.stdout)![1]!;
    const key = /key\s+(fg_\S+)/.exec(created.stdout)![1]!;
    // The user the admin CLI created signs in to the running API.
    expect((await callApi(first.apiUrl, key, '/api/v1/auth/keys')).status).toBe(200);

    // Stored through the API, so encrypted under the stack's KMS key; invoke must decrypt it.
    const credential = await callApi(first.apiUrl, key, '/api/provider-credentials', 'POST', {
      provider: 'openai_compatible',
      value: DEFAULT_OPENAI_STUB_KEY,
    });
    expect(credential.status).toBe(201);
    const event = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/events/execute-plan.json'), 'utf8'));
    event.requestContext.authorizer = { ...event.requestContext.authorizer, principalId: userId, userId };
    event.body = JSON.stringify({
      steps: [
        {
          id: 'ask',
          provider: 'openai_compatible',
          action: 'chat_completion',
          params: { base_url: `${first.stubOpenAiUrl}/v1`, model: 'gpt-4o', prompt: 'hello' },
        },
      ],
    });
    const eventFile = path.join(mkdtempSync(path.join(tmpdir(), 'flowgate-event-')), 'event.json');
    writeFileSync(eventFile, JSON.stringify(event));
    const invoked = await runTool('infra/local/invoke.ts', [
      'ExecutePlan',
      '--event',
      eventFile,
      '--data-dir',
      dataDir,
    ]);
    rmSync(path.dirname(eventFile), { recursive: true, force: true });
    expect(invoked.code).toBe(0);
    const result = invokeResult(invoked.stdout);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({
      status: 'success',
      steps: [{ id: 'ask', status: 'success' }],
    });
    expect(javaProcessesMentioning(dataDir)).toHaveLength(1);
  }, 120_000);

  it('shuts down cleanly, and keeps data and the demo key across restarts', async () => {
    const created = await fetch(`${first.apiUrl}/api/v1/auth/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'persist-me' }),
    });
    expect(created.status).toBe(201);

    expect(await stopCli(first)).toBe(0);
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
    expect(readdirSync(dataDir)).not.toContain('stack.json');
    expect(readdirSync(dataDir)).not.toContain('stack.lock');
    const orphaned = await runTool('infra/admin/cli.ts', [
      'list-keys',
      '--email',
      'x@y.z',
      '--data-dir',
      dataDir,
    ]);
    expect(orphaned.code).toBe(2);
    expect(orphaned.stderr).toContain(`no local stack is running on ${dataDir}`);

    const second = await startCli(dataDir);
    try {
      expect(second.key).toBe(first.key);
      expect(second.output()).not.toContain('created now');
      const list = await jsonOf(
        await fetch(`${second.apiUrl}/api/v1/auth/keys`, {
          headers: { Authorization: `Bearer ${second.key}` },
        }),
      );
      expect(list.data.map((k: { name: string }) => k.name)).toEqual(['demo', 'persist-me']);
    } finally {
      expect(await stopCli(second)).toBe(0);
    }
    expect(javaProcessesMentioning(dataDir)).toEqual([]);
  }, 180_000);
});
