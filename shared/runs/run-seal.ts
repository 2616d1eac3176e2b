import { capMessage, capOutput, fitResults } from '../engine/output-cap';
import { Redactor } from '../redact';
import type { RunTrigger, StepResult } from './run-types';

declare const sealed: unique symbol;

/**
 * Run content that went through RunSeal. The run repository's writes take only sealed
 * values, so nothing a run produced can reach the table (and from there a response) without
 * being redacted and size-capped first: there is no path around the seal.
 */
export type Sealed<T> = T & { readonly [sealed]: true };

export interface SealLimits {
  /** A step's output is cut to this many bytes of JSON. */
  outputMaxBytes: number;
  /** All results of one run together (the run is one DynamoDB item). */
  resultsMaxBytes: number;
}

/**
 * The one redaction step of a run: step outputs (values and keys), messages and errors,
 * the run's own error and the trigger it echoes are redacted with every secret the run
 * decrypted, then capped. Redaction comes first, so a cut never splits a secret into
 * pieces the redactor would no longer recognise.
 */
export class RunSeal {
  constructor(
    readonly redactor: Redactor,
    private readonly limits: SealLimits,
  ) {}

  /** A seal that knows no secrets yet (the pattern net still applies): for runs that decrypted none. */
  static plain(limits: SealLimits): RunSeal {
    return new RunSeal(new Redactor(), limits);
  }

  results(results: readonly StepResult[]): Sealed<StepResult[]> {
    const each = results.map((result) => this.result(result));
    return fitResults(each, this.limits.resultsMaxBytes) as Sealed<StepResult[]>;
  }

  text(text: string): Sealed<string> {
    return capMessage(this.redactor.string(text)) as Sealed<string>;
  }

  trigger(trigger: RunTrigger): Sealed<RunTrigger> {
    return this.redactor.value(trigger) as Sealed<RunTrigger>;
  }

  /** What a later step's templates may read of an output: redacted, not cut. */
  output(output: unknown): unknown {
    return this.redactor.value(output);
  }

  private result(result: StepResult): StepResult {
    const clean = this.redactor.value(result) as StepResult;
    if (clean.message !== undefined) clean.message = capMessage(clean.message);
    if (clean.error !== undefined) clean.error = capMessage(clean.error);
    // Only a fresh output is cut here; one loaded from the table was cut when it was stored.
    if (clean.output !== undefined && clean.outputBytes === undefined)
      Object.assign(clean, capOutput(clean.output, this.limits.outputMaxBytes));
    return clean;
  }
}
