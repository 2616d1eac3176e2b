/**
 * Every spelling in which a secret sent upstream can come back in an answer: an upstream
 * that echoes a request (its headers, its URL, its body) may have encoded the secret on the
 * way. Each form is literal text to search for.
 */

/** Base64 runs shorter than this are too likely to occur by chance to be worth redacting. */
const MIN_BASE64_CORE = 8;

const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/** As in a URL path or query: RFC 3986 (both the JavaScript and the strict reserved set), and forms. */
function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  const strict = component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  // application/x-www-form-urlencoded, as URLSearchParams and HTML forms write it: spaces as `+`.
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  const forms = [component, strict, form, component.replace(/%20/g, '+'), strict.replace(/%20/g, '+')];
  return forms.flatMap((f) => [f, lowerHex(f)]);
}

/**
 * Base64 with and without padding, and base64url (which Node writes unpadded; a padded echo
 * contains it), of the secret alone, plus the characters
 * that stay the same wherever the secret sits inside a longer encoded text (at each of the
 * three byte alignments), such as `Basic base64(user:password)` or a base64 JSON blob.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (const encoding of ['base64', 'base64url'] as const) {
    const whole = bytes.toString(encoding);
    forms.push(whole, whole.replace(/=+$/, ''));
    for (let shift = 0; shift < 3; shift++) {
      const core = stableCore(bytes, shift, encoding);
      if (core.length >= MIN_BASE64_CORE) forms.push(core);
    }
  }
  return forms;
}

/** The base64 characters whose six bits all come from `bytes` when `shift` bytes precede them. */
function stableCore(bytes: Buffer, shift: number, encoding: 'base64' | 'base64url'): string {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString(encoding);
  const firstBit = shift * 8;
  const endBit = (shift + bytes.length) * 8;
  const first = Math.ceil(firstBit / 6);
  const end = Math.floor(endBit / 6);
  return end > first ? encoded.slice(first, end) : '';
}

/** As a JSON string's contents: the standard escapes, `\/`, and `\uXXXX` for anything not ASCII. */
function jsonForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const ascii = json.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [json, json.replace(/\//g, '\\/'), ascii];
}

/** As an HTML error page prints it. */
function htmlForm(secret: string): string {
  return secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  const forms = new Set([
    secret,
    ...urlForms(secret),
    ...base64Forms(secret),
    ...jsonForms(secret),
    htmlForm(secret),
  ]);
  forms.delete('');
  return [...forms];
}
