/**
 * The messages between `npm run bench:gateway` (test/bench/gateway.ts) and the stack
 * process it forks (test/bench/gateway-stack.ts). Apart from both, so that the parent
 * can import them without running the child's main().
 */

export interface StackReady {
  op: 'ready';
  apiUrl: string;
  key: string;
  /** The same user's key with a request limit (far above what the bench sends). */
  limitedKey: string;
}

/** The name the after-response usage writes are counted under. */
export const USAGE_WRITE = 'UsageWrite';

export interface StackRequest {
  id: number;
  /**
   * `settled`: reply once `usageWrites` usage writes (since the last reset) have been
   * made and no DynamoDB call is in flight, i.e. the last response's after-work is done.
   */
  op: 'reset' | 'calls' | 'settled' | 'stop';
  usageWrites?: number;
}

export interface StackReply {
  id: number;
  calls: Record<string, number>;
  emfLines: number;
}
