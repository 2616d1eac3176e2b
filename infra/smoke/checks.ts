/** A check that did not hold: the message is what the FAIL line says after the name. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** The answer of one HTTP call, as the checks look at it. */
export interface SmokeResponse {
  status: number;
  text: string;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
  headers: Headers;
}

const EXCERPT_CHARS = 200;

/** The start of a response body, on one line, for a FAIL line. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat || '(empty body)';
}

export function describeResponse(res: SmokeResponse): string {
  return `status ${res.status}: ${excerpt(res.text)}`;
}

/** Fails with the status and a body excerpt unless the answer has one of `statuses`. */
export function expectStatus(res: SmokeResponse, ...statuses: number[]): void {
  if (!statuses.includes(res.status))
    throw new CheckFailure(`expected ${statuses.join(' or ')}, got ${describeResponse(res)}`);
}

/** Fails with `why` (and the response, when there is one) unless `condition` holds. */
export function expectThat(condition: unknown, why: string, res?: SmokeResponse): asserts condition {
  if (!condition) throw new CheckFailure(res ? `${why}; ${describeResponse(res)}` : why);
}

/** The JSON object a check reads fields from; anything else fails the check. */
export function objectOf(res: SmokeResponse): Record<string, unknown> {
  const body = res.body;
  expectThat(
    typeof body === 'object' && body !== null && !Array.isArray(body),
    'expected a JSON object',
    res,
  );
  return body as Record<string, unknown>;
}

/** A string field that must be present and non-empty. */
export function stringField(res: SmokeResponse, name: string): string {
  const value = objectOf(res)[name];
  expectThat(typeof value === 'string' && value !== '', `expected a non-empty "${name}"`, res);
  return value;
}
