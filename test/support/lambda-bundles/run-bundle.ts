import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BOOTSTRAP = path.join(__dirname, 'lambda-bootstrap.cjs');
const RESULT_MARK = '@@bundle-result ';

/**
 * A fresh directory outside the repository holding a copy of one asset and the runtime
 * stand-in: nothing in it can resolve a module from the repository's node_modules.
 */
export function copyAssetOut(assetDir: string, label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `flowgate-bundle-${label}-`));
  const task = path.join(dir, 'task');
  cpSync(assetDir, task, { recursive: true });
  cpSync(BOOTSTRAP, path.join(dir, 'lambda-bootstrap.cjs'));
  return dir;
}

/** The files a copied asset holds (the bootstrap sits beside it, not in it). */
export const assetFiles = (dir: string) => readdirSync(path.join(dir, 'task')).sort();

export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface BundleRun {
  phase: 'load' | 'invoke' | 'crashed';
  loadMs?: number;
  streamed?: boolean;
  result?: unknown;
  error?: { name?: string; message: string; stack?: string };
  /** Modules the bundle asked Node for that Node does not ship. */
  outsideModules: string[];
  /** Connections the bootstrap refused because they would have left the machine. */
  refusedConnections: string[];
  /** The child's output, for failure messages. */
  output: string;
}

function tail(text: string, max = 4000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/**
 * Invokes the copied bundle's handler once in a fresh `node` process with exactly `env`
 * (nothing inherited from this process) and returns what the runtime stand-in reported.
 */
export function invokeBundle(
  dir: string,
  event: unknown,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<BundleRun> {
  const eventFile = path.join(dir, 'event.json');
  writeFileSync(eventFile, JSON.stringify(event));
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['lambda-bootstrap.cjs', 'invoke', 'task', eventFile, String(timeoutMs)],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 5000);
    // A process that cannot start (E2BIG, EAGAIN) emits 'error' and never 'close'.
    child.on('error', (err) => {
      clearTimeout(killer);
      resolve({
        phase: 'crashed',
        error: { message: `could not start: ${err.message}` },
        outsideModules: [],
        refusedConnections: [],
        output: '',
      });
    });
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const output = tail(`stdout:\n${stdout}\nstderr:\n${stderr}`);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (!line) {
        resolve({
          phase: 'crashed',
          error: { message: `no result (exit ${code ?? signal})` },
          outsideModules: [],
          refusedConnections: [],
          output,
        });
        return;
      }
      let reported: Omit<BundleRun, 'output'>;
      try {
        reported = JSON.parse(line.slice(RESULT_MARK.length)) as Omit<BundleRun, 'output'>;
      } catch {
        // A thrown handler here would leave the promise pending forever.
        reported = {
          phase: 'crashed',
          error: { message: 'its result line is not JSON (cut short?)' },
          outsideModules: [],
          refusedConnections: [],
        };
      }
      resolve({ ...reported, output });
    });
  });
}

export interface LoadMeasure {
  loadMs: number;
  /** CPU time (user + system) the require took: steadier than wall time on a busy machine. */
  loadCpuMs: number;
  outsideModules: string[];
}

/** How long `require()` of the copied bundle takes in a fresh `node` process. */
export function measureLoad(dir: string, env: Record<string, string>): Promise<LoadMeasure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['lambda-bootstrap.cjs', 'load', 'task'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(line) as LoadMeasure);
      } catch (err) {
        reject(new Error(`loading ${dir} failed (${String(err)}):\n${tail(stdout + stderr)}`));
      }
    });
  });
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of `items`. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
