import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the repository's TypeScript entry points (as `npm run …` does) and waits for it. */
export function runTool(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The `java` processes whose command line mentions `text` (a data directory, say). */
export function javaProcessesMentioning(text: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'comm,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.startsWith('java ') && line.includes(text));
}
