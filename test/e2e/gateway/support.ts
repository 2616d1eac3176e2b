import OpenAI from 'openai';
import type { LocalStack } from '../../../infra/local/local-stack';

/*
 * Nothing here (or in the test files) may import the shared runtime statically: its
 * configuration is read once per test file, and the local stack only sets the stub
 * upstreams' addresses when it starts.
 */
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A fresh user with a key; loaded lazily, after the stack configured the environment. */
export async function createUser(label: string) {
  const { createUserWithKey } = await import('../../support/identity');
  return createUserWithKey(label);
}

/** The official SDK, pointed at the local stack the way a user points it at Flowgate. */
export function sdk(stack: LocalStack, key: string, timeout = 20_000): OpenAI {
  return new OpenAI({ baseURL: `${stack.apiUrl}/api/v1`, apiKey: key, maxRetries: 0, timeout });
}

/** Plain JSON calls for the non-OpenAI routes. */
export function call(stack: LocalStack, key: string, method: string, path: string, body?: unknown) {
  return fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { ...bearer(key), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function enableAutomation(
  stack: LocalStack,
  key: string,
  sessionDuration = 3600,
): Promise<void> {
  const res = await call(stack, key, 'PUT', '/api/v1/automation/settings', {
    is_enabled: true,
    session_duration: sessionDuration,
  });
  if (res.status !== 200) throw new Error(`enabling automation failed: ${res.status} ${await res.text()}`);
}

export const user = (content: string) => [{ role: 'user' as const, content }];

/** What an SDK call threw, for asserting on status, type and body. */
export async function failureOf(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OpenAI.APIError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

let emfLines: string[] = [];

/**
 * Keeps the handlers' EMF lines (they run in this process and print CloudWatch metrics
 * to stdout) out of the test output, and collects them for emfDuring(). Call in beforeAll.
 */
export function captureEmf(): () => void {
  const original = process.stdout.write.bind(process.stdout);
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((
    chunk: string | Uint8Array,
    ...rest: never[]
  ) => {
    const text = String(chunk);
    if (!text.includes('"_aws"')) return original(chunk, ...rest);
    emfLines.push(text);
    return true;
  }) as typeof process.stdout.write);
  return () => spy.mockRestore();
}

/** The EMF lines printed while `fn` runs (needs captureEmf()). */
export async function emfDuring(fn: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  emfLines = [];
  await fn();
  return emfLines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Reads a raw SSE response to the end. */
export async function rawStream(stack: LocalStack, key: string, body: unknown) {
  const res = await fetch(`${stack.apiUrl}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { ...bearer(key), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { res, text: await res.text() };
}

/**
 * The usual gateway e2e file's stack: started before its tests (EMF lines captured),
 * stub faults cleared after each test, and stopped with the file's environment put back.
 * `stack()` is the running stack, once the file's tests run.
 */
export function useGatewayStack(restoreEnv: () => void): { stack(): LocalStack } {
  let running: LocalStack | undefined;
  let restoreStdout: (() => void) | undefined;
  beforeAll(async () => {
    restoreStdout = captureEmf();
    // Loaded here, after the file has set its environment (see the note at the top).
    const { startTestStack } = await import('../../support/local-stack');
    running = await startTestStack();
  }, 30_000);
  afterEach(() => {
    running?.stubs?.openai.faults.clear();
    running?.stubs?.morpheus.faults.clear();
  });
  afterAll(async () => {
    await running?.stop();
    restoreStdout?.();
    restoreEnv();
  });
  return {
    stack() {
      if (!running) throw new Error('the stack has not started');
      return running;
    },
  };
}
