/**
 * Redaction: every log line, and everything a run stores, logs or returns, goes through a
 * Redactor. It has three nets:
 *  - string values under attribute names that denote secrets (`authorization`, `api_key`…);
 *  - strings shaped like well-known keys (our `fg_` keys, `sk-`, Slack, GitHub, Stripe,
 *    JWTs, `Bearer …`, `Basic …`);
 *  - the exact secrets it was given (a run's decrypted credentials), in every spelling an
 *    upstream can echo them back in (see ./secret-forms.ts), in values and in object keys.
 */
import { secretForms } from './secret-forms';

export const REDACTED = '[REDACTED]';

/**
 * A secret shorter than this is redacted only where it stands alone (not inside a longer
 * word), so a short password does not shred every word that happens to contain it.
 */
export const SHORT_SECRET_CHARS = 8;

/**
 * Deeper values are replaced by a marker instead of being walked. JSON bodies are refused
 * past 64 levels at the edge; this bounds what upstreams send back.
 */
export const MAX_REDACT_DEPTH = 128;
export const TRUNCATED = '[Truncated]';

const SECRET_NAME =
  /(^|[_-])(authorization|api[_-]?key|apikey|secret|password|passwd|token|credential|private[_-]?key|cookie|signature)s?($|[_-])/i;

const SECRET_VALUE_PATTERNS: RegExp[] = [
  /\bfg_[A-Za-z0-9_-]{16,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\b(?:xox[abprs]|xapp)-[A-Za-z0-9-]{10,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One alternation, longest form first, so the longest spelling at a position wins. */
function alternation(forms: Iterable<string>): string {
  return [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

interface Matchers {
  /** Forms of long secrets: replaced wherever they occur. */
  anywhere?: RegExp;
  /** Forms of short secrets: replaced only between non-alphanumeric characters. */
  alone?: RegExp;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private matchers: Matchers | undefined;

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Remembers a secret; from now on every form of it is redacted. */
  add(secret: string): void {
    for (const part of secretParts(secret)) {
      if (this.secrets.has(part)) continue;
      this.secrets.add(part);
      this.matchers = undefined;
    }
  }

  string(text: string): string {
    const { anywhere, alone } = this.compiled();
    let out = text;
    // Exact secrets first: a pattern below may match only the start of one (a secret with
    // a space after `Bearer `), which would leave its tail in the text.
    if (anywhere) out = out.replace(anywhere, REDACTED);
    if (alone) out = out.replace(alone, REDACTED);
    for (const pattern of SECRET_VALUE_PATTERNS) out = out.replace(pattern, REDACTED);
    return out;
  }

  /** A deep copy with every secret removed, from keys as well as values. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.string(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_REDACT_DEPTH) return TRUNCATED;
    if (value instanceof Error) return { name: value.name, message: this.string(value.message) };
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1));
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return this.value(json.call(value), depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      let name = this.string(key);
      // Two keys that both were secrets must not collapse into one and lose a value.
      for (let n = 2; Object.hasOwn(out, name); n++) name = `${this.string(key)}#${n}`;
      // Numbers and booleans under a secret-looking name (`prompt_tokens`) are counts, not secrets.
      out[name] =
        isSecretName(key) && typeof v === 'string' && v !== '' ? REDACTED : this.value(v, depth + 1);
    }
    return out;
  }

  private compiled(): Matchers {
    if (this.matchers) return this.matchers;
    const long: string[] = [];
    const short: string[] = [];
    for (const secret of this.secrets)
      (secret.length < SHORT_SECRET_CHARS ? short : long).push(...secretForms(secret));
    this.matchers = {
      ...(long.length ? { anywhere: new RegExp(alternation(long), 'g') } : {}),
      ...(short.length
        ? { alone: new RegExp(`(?<![A-Za-z0-9])(?:${alternation(short)})(?![A-Za-z0-9])`, 'g') }
        : {}),
    };
    return this.matchers;
  }
}

/**
 * The secret itself, its trimmed form (a value pasted with a newline is sent as is but may
 * be echoed trimmed), and for `user:password` credentials the password on its own, which an
 * upstream that decodes basic auth may echo.
 */
function secretParts(secret: string): string[] {
  const parts = [secret, secret.trim()];
  const colon = secret.indexOf(':');
  if (colon > 0) parts.push(secret.slice(colon + 1));
  return parts.filter((p) => p !== '');
}

/** The pattern net alone: what every log line gets. */
const PATTERNS_ONLY = new Redactor();

export function redactString(value: string, extraSecrets: readonly string[] = []): string {
  return (extraSecrets.length ? new Redactor(extraSecrets) : PATTERNS_ONLY).string(value);
}

/** Deep copy with secrets removed. Cycles and very deep values are cut rather than followed. */
export function redact(value: unknown, extraSecrets: readonly string[] = []): unknown {
  return (extraSecrets.length ? new Redactor(extraSecrets) : PATTERNS_ONLY).value(value);
}
