import path from 'node:path';
import type { FunctionDef } from '../routes';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Loads a function's exported `handler` the way the Lambda runtime does: once, on first
 * use (the local "cold start"), then reused.
 */
export class HandlerLoader {
  private readonly cache = new Map<string, unknown>();

  load<T = unknown>(fn: FunctionDef): T {
    let handler = this.cache.get(fn.handler);
    if (!handler) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(REPO_ROOT, fn.handler)) as { handler?: unknown };
      if (typeof mod.handler !== 'function')
        throw new Error(`${fn.handler} does not export a handler function`);
      handler = mod.handler;
      this.cache.set(fn.handler, handler);
    }
    return handler as T;
  }
}
