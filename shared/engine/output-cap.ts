import type { StepResult } from '../runs/run-types';

export const TRUNCATION_MARKER = '…[truncated]';
const MAX_MESSAGE_CHARS = 2000;

export interface CappedOutput {
  output: unknown;
  outputBytes: number;
  outputTruncated?: true;
}

/**
 * Keeps an output whole when its JSON fits in `maxBytes`; otherwise stores the first
 * bytes of its JSON text followed by a marker, and says so in `outputTruncated`.
 */
export function capOutput(value: unknown, maxBytes: number): CappedOutput {
  const json = JSON.stringify(value ?? null);
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return { output: value ?? null, outputBytes: bytes };
  return { output: cutText(json, maxBytes) + TRUNCATION_MARKER, outputBytes: bytes, outputTruncated: true };
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function cutText(text: string, maxBytes: number): string {
  const cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes)).toString('utf8');
  return cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut;
}

export function capMessage(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) + TRUNCATION_MARKER : text;
}

const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Makes a run's step results fit in `maxBytes` of JSON (the run must stay one DynamoDB
 * item, at most 400 KB), by cutting the largest outputs to an equal share first.
 */
export function fitResults(results: StepResult[], maxBytes: number): StepResult[] {
  if (sizeOf(results) <= maxBytes) return results;
  const withoutOutputs = sizeOf(results.map(({ output: _output, ...rest }) => rest));
  const share = Math.max(64, Math.floor((maxBytes - withoutOutputs) / Math.max(1, results.length)) - 64);
  return results.map((result) => {
    if (result.output === undefined || sizeOf(result.output) <= share) return result;
    const text =
      typeof result.output === 'string' && result.outputTruncated
        ? result.output
        : JSON.stringify(result.output);
    return {
      ...result,
      output: cutText(text.replace(TRUNCATION_MARKER, ''), share) + TRUNCATION_MARKER,
      outputTruncated: true,
    };
  });
}
