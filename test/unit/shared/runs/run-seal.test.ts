import { TRUNCATION_MARKER, capOutput } from '../../../../shared/engine/output-cap';
import { REDACTED, Redactor } from '../../../../shared/redact';
import { RunSeal } from '../../../../shared/runs/run-seal';
import type { StepResult } from '../../../../shared/runs/run-types';

const SECRET = 'Zq7pW3xK9mR2vT8sL4nB';
const LIMITS = { outputMaxBytes: 100, resultsMaxBytes: 100_000 };

const seal = () => new RunSeal(new Redactor([SECRET]), LIMITS);

const result = (fields: Partial<StepResult>): StepResult => ({
  id: 'a',
  provider: 'http',
  action: 'get',
  status: 'success',
  attempts: 1,
  ...fields,
});

/** Every run of four or more characters of the secret: none may be left anywhere. */
const pieces = (secret: string) => {
  const out: string[] = [];
  for (let i = 0; i + 4 <= secret.length; i++) out.push(secret.slice(i, i + 4));
  return out;
};

function expectNoPieceOf(secret: string, value: unknown) {
  const text = JSON.stringify(value);
  for (const piece of pieces(secret)) expect(text).not.toContain(piece);
}

describe('RunSeal.results', () => {
  it('redacts before it cuts, so a secret straddling the cap leaves no part behind', () => {
    const head = '{"text":"';
    // Half the secret before the cap and half after, with enough text after it that the
    // redacted output is still over the cap and is cut too.
    const padding = 'a'.repeat(LIMITS.outputMaxBytes - head.length - SECRET.length / 2);
    const output = { text: padding + SECRET + 'b'.repeat(200) };
    const json = JSON.stringify(output);
    expect(json.indexOf(SECRET)).toBeLessThan(LIMITS.outputMaxBytes);
    expect(json.indexOf(SECRET) + SECRET.length).toBeGreaterThan(LIMITS.outputMaxBytes);
    // Cutting first would keep the secret's first half, which the redactor no longer knows.
    expect(String(capOutput(output, LIMITS.outputMaxBytes).output)).toContain(SECRET.slice(0, 10));

    const [sealed] = seal().results([result({ output })]);
    expect(sealed?.outputTruncated).toBe(true);
    expect(String(sealed?.output).endsWith(TRUNCATION_MARKER)).toBe(true);
    expectNoPieceOf(SECRET, sealed);
  });

  it('redacts secrets in output keys and values, and values under secret-looking names', () => {
    const output = { [`k-${SECRET}`]: 1, nested: [{ v: `x ${SECRET} y` }], api_key: 'plain' };
    const [sealed] = seal().results([result({ output })]);
    expect(sealed?.output).toEqual({
      [`k-${REDACTED}`]: 1,
      nested: [{ v: `x ${REDACTED} y` }],
      api_key: REDACTED,
    });
    expect(sealed?.outputBytes).toBe(Buffer.byteLength(JSON.stringify(sealed?.output)));
  });

  it('does not cut again a result loaded from the table (outputBytes already set)', () => {
    const stored = 'c'.repeat(300) + TRUNCATION_MARKER;
    const loaded = result({ output: stored, outputBytes: 5_000, outputTruncated: true });
    const [sealed] = seal().results([loaded]);
    expect(sealed).toEqual(loaded);
  });

  it('caps messages and errors, after redacting them', () => {
    const long = `${SECRET} ${'m'.repeat(3_000)}`;
    const [sealed] = seal().results([result({ status: 'failed', message: long, error: long })]);
    expect(sealed?.message).toBe(
      `${REDACTED} ${'m'.repeat(2_000 - REDACTED.length - 1)}${TRUNCATION_MARKER}`,
    );
    expect(sealed?.error).toBe(sealed?.message);
  });

  it('fits all the results of a run within resultsMaxBytes', () => {
    const limits = { outputMaxBytes: 10_000, resultsMaxBytes: 2_000 };
    const big = (id: string) => result({ id, output: 'z'.repeat(5_000) });
    const sealed = new RunSeal(new Redactor(), limits).results([big('a'), big('b')]);
    expect(Buffer.byteLength(JSON.stringify(sealed))).toBeLessThanOrEqual(limits.resultsMaxBytes);
    expect(sealed.every((r) => r.outputTruncated)).toBe(true);
  });

  it('leaves the results it was given untouched', () => {
    const given = result({ output: { v: SECRET } });
    seal().results([given]);
    expect(given).toEqual(result({ output: { v: SECRET } }));
  });
});

describe('RunSeal text, trigger and output', () => {
  it('redacts and caps a run error', () => {
    expect(seal().text(`failed with ${SECRET}`)).toBe(`failed with ${REDACTED}`);
    expect(seal().text('e'.repeat(2_500))).toBe('e'.repeat(2_000) + TRUNCATION_MARKER);
  });

  it('redacts the trigger it echoes, in the body and the query', () => {
    const trigger = seal().trigger({
      type: 'webhook',
      body: { note: `token=${encodeURIComponent(SECRET)}`, [SECRET]: true },
      query: { q: SECRET },
    });
    expectNoPieceOf(SECRET, trigger);
    expect(trigger).toEqual({
      type: 'webhook',
      body: { note: `token=${REDACTED}`, [REDACTED]: true },
      query: { q: REDACTED },
    });
  });

  it('gives later steps the output redacted but whole', () => {
    const output = { text: `${SECRET} ${'w'.repeat(500)}` };
    expect(seal().output(output)).toEqual({ text: `${REDACTED} ${'w'.repeat(500)}` });
  });

  it('keeps the pattern net in a plain seal', () => {
    const key = `fg_${'A1b2'.repeat(6)}`;
    const plain = RunSeal.plain(LIMITS);
    // It knows no secret of its own: ordinary text passes.
    expect(plain.text('hunter22-value and more')).toBe('hunter22-value and more');
    expect(plain.text(`bad key ${key}`)).toBe(`bad key ${REDACTED}`);
    const [sealed] = plain.results([result({ output: { echoed: key }, message: key })]);
    expect(sealed).toMatchObject({ output: { echoed: REDACTED }, message: REDACTED });
  });
});
