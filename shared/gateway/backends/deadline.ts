/**
 * An abort signal with a re-armable timer. An aborted request looks the same whoever
 * aborted it, so the gateway keeps its own timers and records whether it was one of them
 * that fired.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  timedOut = false;

  constructor(ms?: number) {
    if (ms !== undefined) this.arm(ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the countdown: for streams, each event buys another idle period. */
  arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
  }

  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Cancels the upstream call (the client went away, or the gateway is done with it). */
  abort(): void {
    this.disarm();
    this.controller.abort();
  }
}
