import { backoffDelay, MAX_BACKOFF_MS } from '../../../../shared/engine/backoff';
import {
  TRUNCATION_MARKER,
  capMessage,
  capOutput,
  cutText,
  fitResults,
} from '../../../../shared/engine/output-cap';
import type { StepResult } from '../../../../shared/runs/run-types';

describe('output caps', () => {
  it('keeps outputs that fit and cuts the JSON of those that do not, with a marker', () => {
    expect(capOutput({ a: 1 }, 100)).toEqual({ output: { a: 1 }, outputBytes: 7 });
    expect(capOutput(undefined, 100)).toEqual({ output: null, outputBytes: 4 });
    const big = capOutput({ text: 'x'.repeat(500) }, 50);
    expect(big.outputTruncated).toBe(true);
    expect(big.outputBytes).toBe(511);
    expect(big.output).toBe(`{"text":"${'x'.repeat(41)}${TRUNCATION_MARKER}`);
  });

  it('never splits a multi-byte character', () => {
    expect(cutText('ééé', 3)).toBe('é');
    expect(cutText('abc', 0)).toBe('');
    expect(capMessage('m'.repeat(3000))).toHaveLength(2000 + TRUNCATION_MARKER.length);
    expect(capMessage('short')).toBe('short');
  });

  it('shrinks the largest outputs so a whole run fits in one item', () => {
    const result = (id: string, size: number): StepResult => ({
      id,
      provider: 'data',
      action: 'transform',
      status: 'success',
      attempts: 1,
      output: 'y'.repeat(size),
    });
    const results = [result('a', 100), result('b', 30_000), result('c', 30_000), result('d', 10)];
    const fitted = fitResults(results, 20_000);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThanOrEqual(20_000);
    expect(fitted[0]).toEqual(results[0]);
    expect(fitted[3]).toEqual(results[3]);
    expect(fitted[1]?.outputTruncated).toBe(true);
    expect(String(fitted[1]?.output).endsWith(TRUNCATION_MARKER)).toBe(true);
    const small = [result('a', 10)];
    expect(fitResults(small, 20_000)).toBe(small);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 100, 0, 50],
    [1, 100, 1, 100],
    [2, 100, 0.5, 150],
    [3, 100, 0.5, 300],
    [30, 100, 1, MAX_BACKOFF_MS],
  ])('attempt %i, base %i, random %f -> %i ms', (attempts, base, random, expected) => {
    expect(backoffDelay(attempts, base, () => random)).toBe(expected);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffDelay(1, 100, () => 0, 2500)).toBe(2500);
    expect(backoffDelay(1, 10_000, () => 1, 2500)).toBe(10_000);
  });
});
