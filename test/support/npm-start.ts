import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './run-tool';

export interface StartedCli {
  child: ChildProcess;
  apiUrl: string;
  key: string;
  /** The stub OpenAI upstream's base URL (without /v1); '' when a real upstream is used. */
  stubOpenAiUrl: string;
  dynamodbPort: number;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnStart(dataDir: string, env: NodeJS.ProcessEnv, args: readonly string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/start.ts', '--port', '0', '--data-dir', dataDir, ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function collect(child: ChildProcess): { output: () => string; exited: Promise<number | null> } {
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => out, exited };
}

/** Runs `npm start`'s entry point as a real process, the way a developer does, until its banner. */
export function startCli(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): Promise<StartedCli> {
  const child = spawnStart(dataDir, env, args);
  const { output, exited } = collect(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output()}`)), 90_000);
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${output()}`)));
    child.stdout!.on('data', () => {
      const out = output();
      const api = /API\s+(http:\/\/\S+)/.exec(out);
      const key = /Demo key\s+(fg_\S+)/.exec(out);
      const stub = /stub OpenAI (http:\/\/\S+)\/v1/.exec(out);
      const ddb = /DynamoDB\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (api && key && ddb && out.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve({
          child,
          apiUrl: api[1]!,
          key: key[1]!,
          stubOpenAiUrl: stub?.[1] ?? '',
          dynamodbPort: Number(ddb[1]),
          output,
          exited,
        });
      }
    });
  });
}

/** Runs `npm start` expecting it to refuse: resolves with its exit code and output. */
export async function runRefusedCli(
  dataDir: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawnStart(dataDir, env, args);
  const { output, exited } = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: output() };
}

/** Sends the signal and resolves with the exit code. */
export function stopCli(started: StartedCli, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  started.child.kill(signal);
  return started.exited;
}
