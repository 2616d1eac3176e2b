import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './run-tool';

/**
 * Lambda's side of one invocation of the execution function: the handler runs in a child
 * process (./execution-child.ts) and, like the Lambda runtime at the function's timeout,
 * the process is killed with SIGKILL at the instant its context said it would time out, if
 * it is still there. Nothing the handler had left to do runs after that.
 */
export interface ExecutionInvocation {
  child: ChildProcess;
  /** Resolves with the instant (epoch ms) the invocation times out, once the handler has been called. */
  invoked: Promise<number>;
  /** Resolves when the process is gone. */
  ended: Promise<InvocationEnd>;
}

export interface InvocationEnd {
  /** What the handler returned; undefined when it never returned. */
  result?: unknown;
  /** True when the process was killed at its timeout. */
  timedOut: boolean;
  /** Everything the process wrote, for failure messages. */
  output: string;
}

export function invokeExecution(
  payload: unknown,
  options: {
    timeoutMs: number;
    env: NodeJS.ProcessEnv;
    /** Called with each asynchronous invoke the handler makes (its hand-offs). */
    onInvoke: (payload: unknown) => void;
  },
): ExecutionInvocation {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/support/execution-child.ts',
      JSON.stringify(payload),
      String(options.timeoutMs),
    ],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let pending = '';
  let result: unknown;
  let timedOut = false;
  let timeoutTimer: NodeJS.Timeout | undefined;
  let onInvoked: (timesOutAt: number) => void = () => undefined;
  const invoked = new Promise<number>((resolve, reject) => {
    onInvoked = resolve;
    child.once('close', () =>
      reject(new Error(`the execution process ended before the handler was called:\n${output}`)),
    );
  });
  // Not every test waits for the start; an early end is reported through `ended` then.
  invoked.catch(() => undefined);
  const timeOutAt = (timesOutAt: number) => {
    timeoutTimer = setTimeout(() => {
      timedOut = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
    }, timesOutAt - Date.now());
    onInvoked(timesOutAt);
  };
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const message of lines.map(childMessage)) {
      if (message?.child === 'invoked') timeOutAt(message.timesOutAt as number);
      if (message?.child === 'invoke') options.onInvoke(message.payload);
      if (message?.child === 'result') result = message.result;
    }
  });
  // `close`, not `exit`: the last lines of output may still be on their way at exit.
  const ended = new Promise<InvocationEnd>((resolve) =>
    child.once('close', () => {
      clearTimeout(timeoutTimer);
      resolve({ ...(result === undefined ? {} : { result }), timedOut, output });
    }),
  );
  return { child, invoked, ended };
}

/** One of the child's own lines (it marks them with `child`); log lines give undefined. */
function childMessage(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown> | null;
    return parsed && typeof parsed === 'object' && typeof parsed.child === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
