import type { Context } from 'aws-lambda';
import { logger } from '../../shared/logger';
import type { SweepAllReport } from '../../functions/sweep-runs';
import { sweepFunction } from '../routes';
import { HandlerLoader } from './handler-loader';
import { lambdaContext } from './lambda-context';

type SweepHandler = (event: unknown, context: Context) => Promise<SweepAllReport>;

/**
 * What the EventBridge rule does in AWS: the sweep function's own handler, on a timer.
 * The first sweep runs at start, so runs left unfinished by a stack that was killed are
 * settled as soon as it is back; sweeps never overlap.
 */
export class SweepTimer {
  private readonly loader = new HandlerLoader();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly intervalMs: number) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** One sweep now (tests, and the timer itself). */
  async sweepNow(): Promise<SweepAllReport> {
    const handler = this.loader.load<SweepHandler>(sweepFunction);
    const context = lambdaContext(sweepFunction.name, sweepFunction.timeoutSeconds, sweepFunction.memoryMb);
    return handler({ source: 'flowgate.local-sweep' }, context);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepNow()
        .catch((err: unknown) => logger.error('local sweep failed', { error: err as Error }))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
