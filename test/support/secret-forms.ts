/**
 * The spellings in which a secret sent upstream can come back: as is, percent-encoded
 * (encodeURIComponent, and form-encoded with spaces as `+`, each with upper- and
 * lower-case hex), base64 and base64url (with and without padding), and JSON-escaped.
 * Tests search for every one of them; this list is written independently of the product's
 * redactor, so a form the redactor forgets is a form the test still finds.
 */
export interface SecretForm {
  /** Which spelling: `raw`, `uri`, `form-lower`, `base64url-padded`, ... */
  form: string;
  text: string;
}

/** Secrets shorter than this are searched only where they stand alone (see Needle.standalone). */
export const SHORT_SECRET_LENGTH = 8;

const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

const pad = (base64: string) => base64 + '='.repeat((4 - (base64.length % 4)) % 4);

export function secretForms(secret: string): SecretForm[] {
  const bytes = Buffer.from(secret, 'utf8');
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  const base64 = bytes.toString('base64');
  const base64url = bytes.toString('base64url');
  const candidates: SecretForm[] = [
    { form: 'raw', text: secret },
    { form: 'uri', text: uri },
    { form: 'uri-lower', text: lowerHex(uri) },
    { form: 'form', text: form },
    { form: 'form-lower', text: lowerHex(form) },
    { form: 'base64', text: base64 },
    { form: 'base64-unpadded', text: base64.replace(/=+$/, '') },
    { form: 'base64url', text: base64url },
    { form: 'base64url-padded', text: pad(base64url) },
    { form: 'json', text: JSON.stringify(secret).slice(1, -1) },
  ];
  // A secret without characters to encode has fewer distinct spellings; each is searched once.
  const byText = new Map<string, SecretForm>();
  for (const candidate of candidates) {
    if (candidate.text !== '' && !byText.has(candidate.text)) byText.set(candidate.text, candidate);
  }
  return [...byText.values()];
}

/** One spelling of one secret, as a search looks for it. */
export interface Needle {
  /** Which secret (a placement name, say), for the report. */
  secret: string;
  form: string;
  text: string;
  /**
   * Short secrets are common letter runs, so they count only where they stand alone:
   * not preceded or followed by a letter or digit.
   */
  standalone: boolean;
}

export function needlesFor(label: string, secret: string): Needle[] {
  const standalone = secret.length < SHORT_SECRET_LENGTH;
  return secretForms(secret).map(({ form, text }) => ({ secret: label, form, text, standalone }));
}

/**
 * A basic-auth credential is stored as `user:password` and sent as base64 of that; the
 * password is a secret on its own too (an upstream may decode the header and echo it).
 */
export function basicAuthNeedles(label: string, user: string, password: string): Needle[] {
  return [...needlesFor(label, `${user}:${password}`), ...needlesFor(`${label} password`, password)];
}
