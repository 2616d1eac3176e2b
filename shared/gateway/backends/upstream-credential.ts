import { UpstreamFailure } from './upstream-errors';

/** The current value and the one before: an answer sent just after a rotation may quote the old one. */
const REMEMBERED = 2;

/**
 * One upstream credential (the API key, the router password) as a backend uses it: asked
 * of the secrets port on every request, which answers warm calls from its cache, so a
 * rotated value is in use within the cache's bound. The values seen are kept for
 * redaction, since they are what an upstream might echo back.
 */
export class UpstreamCredential {
  private readonly seen: string[] = [];

  constructor(
    /** What it is, for the failure's message: `API key`, `router password`. */
    private readonly what: string,
    private readonly read: () => Promise<string | undefined>,
  ) {}

  /** The value to send now; an UpstreamFailure (never sent upstream) when there is none. */
  async current(): Promise<string> {
    let value: string | undefined;
    try {
      value = await this.read();
    } catch (err) {
      throw new UpstreamFailure('credentials_unavailable', `Could not read the ${this.what}`, { cause: err });
    }
    if (!value) throw new UpstreamFailure('unconfigured', `No ${this.what} is configured`);
    if (this.seen[0] !== value) {
      this.seen.unshift(value);
      this.seen.splice(REMEMBERED);
    }
    return value;
  }

  /** The values read so far, newest first (a copy: later rotations do not change it). */
  get known(): readonly string[] {
    return [...new Set(this.seen)];
  }
}
