import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callApi } from '../../support/http';
import { startCli, stopCli, type StartedCli } from '../../support/npm-start';
import { readmeBlocks, readReadme, RUNNABLE_LANGUAGES, type ReadmeBlock } from '../../support/readme-blocks';
import { REPO_ROOT } from '../../support/run-tool';

/**
 * The quick start and the tutorials, as a newcomer pastes them: every marked block, in
 * order, in one shell, against a fresh `npm start`. A block fails on a non-zero exit,
 * on anything printed to stderr, or on an error body in its output.
 */
const blocks = readmeBlocks(readReadme(), '## Quick start', '## Use a real model');
/** An error body of either dialect (`"error": null` fields of runs are not errors). */
const ERROR_BODY = /"error"\s*:\s*\{/;
const BLOCK_TIMEOUT_MS = 30_000;

interface Outcome {
  stdout: string;
  stderr: string;
  /** Set when the shell exited (set -e: a command failed). */
  exitCode?: number | null;
}

/** One bash for every block, so variables set by one block are there for the next. */
class Shell {
  private readonly child: ChildProcess;
  private stdout = '';
  private stderr = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;
  private count = 0;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn('bash', ['--noprofile', '--norc'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    this.child.stdout!.on('data', (c: Buffer) => (this.stdout += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        this.exitCode = code;
        resolve();
      }),
    );
    this.child.stdin!.write('set -eo pipefail\n');
  }

  async run(code: string): Promise<Outcome> {
    const mark = `::readme-block-done-${++this.count}::`;
    const [outStart, errStart] = [this.stdout.length, this.stderr.length];
    this.child.stdin!.write(`${code}\nprintf '\\n%s\\n' '${mark}'; printf '%s\\n' '${mark}' >&2\n`);
    const deadline = Date.now() + BLOCK_TIMEOUT_MS;
    while (!(this.stdout.includes(mark) && this.stderr.includes(mark)) && this.exitCode === undefined) {
      if (Date.now() > deadline) throw new Error(`block still running after ${BLOCK_TIMEOUT_MS} ms`);
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, 20))]);
    }
    const cut = (text: string, start: number) => text.slice(start).split(mark)[0]!.trimEnd();
    return {
      stdout: cut(this.stdout, outStart),
      stderr: cut(this.stderr, errStart),
      ...(this.exitCode === undefined ? {} : { exitCode: this.exitCode }),
    };
  }

  close(): void {
    this.child.stdin!.end();
    this.child.kill();
  }
}

function runNodeModule(code: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (exitCode) => resolve({ stdout, stderr, ...(exitCode === 0 ? {} : { exitCode }) }));
    child.stdin.end(code);
  });
}

const where = (block: ReadmeBlock) => `README.md line ${block.line}`;

/** The `export NAME=` lines of a block or of the banner, by name. */
function exportsOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\s*export (\w+)=(\S+)/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('README: the quick start and the tutorials, pasted in order (e2e)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-readme-'));
  let stack: StartedCli;
  let shell: Shell;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    stack = await startCli(dataDir);
    env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
    shell = new Shell(env);
  }, 120_000);
  afterAll(async () => {
    shell?.close();
    if (stack?.child.exitCode === null) await stopCli(stack);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("marks every shell and JavaScript block of those sections, and starts with the banner's export lines", () => {
    const unmarked = blocks.filter((b) => RUNNABLE_LANGUAGES.includes(b.language) && b.mode === undefined);
    expect(unmarked.map(where)).toEqual([]);
    const first = blocks.find((b) => b.mode && b.mode.kind !== 'skip');
    expect(first?.mode).toEqual({ kind: 'export' });
    expect([...exportsOf(first!.code).keys()]).toEqual(['FLOWGATE_URL', 'FLOWGATE_KEY']);
    expect(
      blocks.filter((b) => b.mode?.kind === 'run' || b.mode?.kind === 'error').length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('runs every marked block in order: each exits 0 and prints no error', async () => {
    const banner = exportsOf(stack.output());
    expect([...banner.keys()]).toEqual(['FLOWGATE_URL', 'FLOWGATE_KEY']);
    expect(banner.get('FLOWGATE_KEY')).toBe(stack.key);
    const shellEnv = { ...env, ...Object.fromEntries(banner) };
    const failures: string[] = [];
    for (const block of blocks) {
      const mode = block.mode;
      // Unmarked blocks are answers (json, text); the first test makes sure of that.
      if (!mode || mode.kind === 'skip') continue;
      if (mode.kind === 'file') {
        const file = readFileSync(path.join(REPO_ROOT, mode.path), 'utf8').trimEnd();
        if (file !== block.code.trimEnd()) failures.push(`${where(block)}: differs from ${mode.path}`);
      }
      const code =
        mode.kind === 'export'
          ? [...banner].map(([name, value]) => `export ${name}=${value}`).join('\n')
          : block.code;
      const isJs = !['bash', 'sh', 'shell'].includes(block.language);
      const outcome = isJs ? await runNodeModule(code, shellEnv) : await shell.run(code);
      // What each block printed, for refreshing the answers the README shows.
      if (process.env.README_BLOCKS_TRANSCRIPT)
        appendFileSync(process.env.README_BLOCKS_TRANSCRIPT, `### ${where(block)}\n${outcome.stdout}\n\n`);
      const problem =
        'exitCode' in outcome
          ? `exited with ${outcome.exitCode}`
          : outcome.stderr !== ''
            ? 'printed to stderr'
            : mode.kind === 'error'
              ? ERROR_BODY.test(outcome.stdout)
                ? undefined
                : 'shows no error body, though it is marked to'
              : ERROR_BODY.test(outcome.stdout)
                ? 'printed an error'
                : undefined;
      if (problem) {
        failures.push(
          `${where(block)}: ${problem}\n${block.code}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}`,
        );
        // Later blocks build on this one; what follows would only repeat the failure.
        if ('exitCode' in outcome) break;
      }
    }
    expect(failures).toEqual([]);

    // What the acceptance names: a streamed chat, and a drafted, deployed trace whose run is in the logs.
    const traces = await callApi(stack.apiUrl, stack.key, '/automation/traces');
    const deployed = traces.body.traces.filter(
      (t: { deployment_status: string }) => t.deployment_status !== 'draft',
    );
    expect(deployed.length).toBeGreaterThanOrEqual(1);
    const runs = await callApi(stack.apiUrl, stack.key, `/api/execution-logs?trace_id=${deployed[0].id}`);
    expect(runs.body.logs).toEqual(
      expect.arrayContaining([expect.objectContaining({ trigger: 'schedule', status: 'success' })]),
    );
  }, 240_000);
});
