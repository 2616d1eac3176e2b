import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '../../../support/run-tool';

describe('npm run invoke without a running local stack', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-invoke-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses (exit 2), starts no database and creates no KMS key of its own', async () => {
    const run = await runTool('infra/local/invoke.ts', [
      'ListApiKeys',
      '--event',
      'test/events/list-api-keys.json',
      '--data-dir',
      dataDir,
    ]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `invoke: no local stack is running on ${dataDir}; start it with \`npm start -- --data-dir ${dataDir}\`\n`,
    );
    expect(readdirSync(dataDir)).toEqual([]);
  }, 60_000);

  it('documents --data-dir in its usage', async () => {
    const run = await runTool('infra/local/invoke.ts', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[--data-dir <dir>]');
    expect(run.stdout).toContain('against the local stack running on --data-dir');
  }, 60_000);
});
