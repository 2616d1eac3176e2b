import { CheckFailure } from './checks';
import type { Redactor } from './redactor';

/** What a check may say besides "ok": a finding that is not a failure. */
export interface Finding {
  info: string;
}

export type Outcome = 'ok' | 'info' | 'failed';

/**
 * One line per check: `ok  <name> (<ms> ms)`, `info <name>: <finding>`,
 * `FAIL <name>: <why>` or `skip <name>: <why>`. Every line is scrubbed first.
 */
export class Reporter {
  readonly failed: string[] = [];
  private passed = 0;
  private findings = 0;

  constructor(
    private readonly out: (line: string) => void,
    private readonly redactor: Redactor,
  ) {}

  line(text: string): void {
    this.out(this.redactor.scrub(text));
  }

  /** Runs one named check and prints its line; never throws. */
  async check(name: string, run: () => Promise<void | Finding>): Promise<Outcome> {
    const started = Date.now();
    try {
      const finding = await run();
      if (finding) {
        this.findings += 1;
        this.line(`info ${name}: ${finding.info}`);
        return 'info';
      }
      this.passed += 1;
      this.line(`ok  ${name} (${Date.now() - started} ms)`);
      return 'ok';
    } catch (err) {
      this.failed.push(name);
      // An unexpected error (not a check that did not hold) is named, so it reads as a bug.
      const why =
        err instanceof CheckFailure ? err.message : `${(err as Error)?.name}: ${(err as Error)?.message}`;
      this.line(`FAIL ${name}: ${why}`);
      return 'failed';
    }
  }

  skip(name: string, why: string): void {
    this.line(`skip ${name}: ${why}`);
  }

  summary(elapsedMs: number): void {
    const seconds = (elapsedMs / 1000).toFixed(1);
    const info = this.findings ? `, ${this.findings} info` : '';
    if (this.failed.length === 0) {
      this.line(`smoke passed: ${this.passed} checks ok${info}, in ${seconds} s`);
    } else {
      this.line(
        `smoke FAILED: ${this.failed.length} failed (${this.failed.join(', ')}), ${this.passed} ok${info}, in ${seconds} s`,
      );
    }
  }
}
