import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DataDirInUseError,
  dataDirHolder,
  lockDataDir,
  type DataDirLock,
} from '../../../../infra/local/data-dir-lock';
import { currentProcess } from '../../../../infra/local/process-identity';

/** The pid of a process that has exited (and been reaped), so nothing runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

const LOCK_MODULE = path.resolve(__dirname, '../../../../infra/local/data-dir-lock.ts');

/** Another process that tries to take the lock, says how it went, and holds it until told to exit. */
function contender(dir: string) {
  const script = `
    const { lockDataDir } = require(${JSON.stringify(LOCK_MODULE)});
    try { const lock = lockDataDir(${JSON.stringify(dir)}); process.stdout.write('won\\n'); process.on('exit', () => lock.release()); }
    catch (err) { process.stdout.write((err.name === 'DataDirInUseError' ? 'refused' : 'failed: ' + err.message) + '\\n'); }
    process.stdin.resume(); process.stdin.on('end', () => process.exit(0));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const outcome = new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { outcome, end: () => (child.stdin.end(), exited) };
}

describe('the data directory lock', () => {
  let dir: string;
  const held: DataDirLock[] = [];
  const lockFile = () => path.join(dir, 'stack.lock');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'flowgate-lock-'));
  });
  afterEach(() => {
    for (const lock of held.splice(0)) lock.release();
    rmSync(dir, { recursive: true, force: true });
  });
  const take = () => {
    const lock = lockDataDir(dir);
    held.push(lock);
    return lock;
  };

  it('is a 0600 file naming this process, and nothing else is left in the directory', () => {
    take();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(currentProcess());
    expect(statSync(lockFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['stack.lock']);
    expect(dataDirHolder(dir)).toEqual(currentProcess());
  });

  it('refuses a second holder while the first runs, naming the directory and its pid', () => {
    take();
    let refusal: unknown;
    try {
      take();
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect(refusal).toMatchObject({ dataDir: dir, pid: process.pid });
    expect((refusal as Error).message).toBe(
      `${dir} is in use by the local stack with pid ${process.pid}; stop that one first, ` +
        'or start another with --data-dir <another directory>',
    );
  });

  it('is free again once released', () => {
    take().release();
    expect(readdirSync(dir)).toEqual([]);
    expect(dataDirHolder(dir)).toBeUndefined();
    take();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(currentProcess());
  });

  it.each([
    ['whose process has exited', () => JSON.stringify({ pid: deadPid() })],
    [
      'whose pid now belongs to another process (started at another time)',
      () => JSON.stringify({ pid: process.pid, startMark: '1' }),
    ],
    ['that is not a lock at all', () => 'garbage'],
  ])('takes over a lock %s', (_name, content) => {
    writeFileSync(lockFile(), content(), { mode: 0o600 });
    expect(dataDirHolder(dir)).toBeUndefined();
    take();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(currentProcess());
    expect(readdirSync(dir)).toEqual(['stack.lock']);
  });

  it('clears a takeover left behind by a process that died taking over', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: deadPid() }), { mode: 0o600 });
    writeFileSync(`${lockFile()}.takeover`, JSON.stringify({ pid: deadPid() }), { mode: 0o600 });
    take();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual(currentProcess());
    expect(readdirSync(dir)).toEqual(['stack.lock']);
  });

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: deadPid() }), { mode: 0o600 });
    const racers = Array.from({ length: 8 }, () => contender(dir));
    try {
      const outcomes = await Promise.all(racers.map((r) => r.outcome));
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'won')).toEqual(Array(7).fill('refused'));
    } finally {
      await Promise.all(racers.map((r) => r.end()));
    }
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('does not remove a lock that another process holds when releasing', () => {
    const lock = take();
    const other = JSON.stringify({ pid: process.ppid });
    writeFileSync(lockFile(), other);
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe(other);
  });
});
