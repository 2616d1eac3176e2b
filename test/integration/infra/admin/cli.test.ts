import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '../../../support/run-tool';

describe('npm run admin without a running local stack', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['create-user', '--email', 'nobody@example.com'],
    ['list-keys', '--email', 'nobody@example.com'],
    ['reconcile'],
  ])(
    '%s refuses (exit 2) and starts no database of its own',
    async (...command) => {
      const run = await runTool('infra/admin/cli.ts', [...command, '--data-dir', dataDir]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        `error: no local stack is running on ${dataDir}; start it with ` +
          `\`npm start -- --data-dir ${dataDir}\`, or pass --table for a deployed table\n`,
      );
      expect(readdirSync(dataDir)).toEqual([]);
    },
    60_000,
  );

  it('documents --data-dir in its usage', async () => {
    const run = await runTool('infra/admin/cli.ts', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /--data-dir <dir>\s+the running `npm start`'s data directory \(default \.local\/\)/,
    );
  }, 60_000);
});
