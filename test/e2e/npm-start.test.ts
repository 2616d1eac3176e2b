import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonOf } from '../support/http';

const ROOT = path.resolve(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  apiUrl: string;
  key: string;
  output: () => string;
}

/** Runs `npm start`'s entry point as a real process, the way a developer does. */
function startCli(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/start.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    child.stdout!.on('data', () => {
      const api = /API\s+(http:\/\/\S+)/.exec(out);
      const key = /Demo key\s+(fg_\S+)/.exec(out);
      if (api && key && out.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve({ child, apiUrl: api[1] as string, key: key[1] as string, output: () => out });
      }
    });
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once('exit', (code) => resolve(code));
    started.child.kill('SIGTERM');
  });
}

function javaProcessesFor(dataDir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'comm,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.startsWith('java ') && line.includes(dataDir));
}

describe('npm start (e2e, real process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API, shuts down cleanly, and keeps data and the demo key across restarts', async () => {
    const first = await startCli(dataDir);
    expect(first.output()).toContain('created now');
    expect(first.output()).toContain(`curl -s ${first.apiUrl}/api/v1/auth/keys`);
    expect(first.output()).toContain("import OpenAI from 'openai'");

    const health = await fetch(`${first.apiUrl}/api/health`);
    expect(health.status).toBe(200);
    const created = await fetch(`${first.apiUrl}/api/v1/auth/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'persist-me' }),
    });
    expect(created.status).toBe(201);
    expect(javaProcessesFor(dataDir)).toHaveLength(1);

    expect(await stop(first)).toBe(0);
    expect(javaProcessesFor(dataDir)).toEqual([]);

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
      expect(await stop(second)).toBe(0);
    }
    expect(javaProcessesFor(dataDir)).toEqual([]);
  }, 120_000);
});
