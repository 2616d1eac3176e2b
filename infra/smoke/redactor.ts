/**
 * Everything the smoke prints goes through here, so a key, a webhook token or a signing
 * secret never reaches a CI log: the values it learned (the key it was given, the key and
 * webhook credentials it created) and, as a net for anything else, the shapes Flowgate
 * mints them in.
 */
const SHAPES: readonly [RegExp, string][] = [
  [/fg_[A-Za-z0-9_-]{16,}/g, 'fg_<redacted>'],
  [/whsec_[A-Za-z0-9_-]+/g, 'whsec_<redacted>'],
  [/wh_[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_.-]+)?/g, 'wh_<redacted>'],
  [/(Bearer|Basic)\s+[^\s"',]+/gi, '$1 <redacted>'],
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value to scrub from now on (values too short to be credentials are ignored). */
  add(secret: string | null | undefined): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('<redacted>');
    for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
    return out;
  }
}
