/**
 * Redaction used by every log line and every stored execution result.
 * Two nets: attribute names that denote secrets, and string values shaped like keys
 * (our own `fg_` keys, OpenAI-style `sk-` keys, bearer tokens, Slack tokens, JWTs...).
 */
export const REDACTED = '[REDACTED]';

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

export function redactString(value: string, extraSecrets: readonly string[] = []): string {
  let out = value;
  for (const secret of extraSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_VALUE_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

/** Deep copy with secrets removed. Cycles and very deep values are cut rather than followed. */
export function redact(value: unknown, extraSecrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 12) return '[Truncated]';
  if (typeof value === 'string') return redactString(value, extraSecrets);
  if (Array.isArray(value)) return value.map((v) => redact(v, extraSecrets, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message, extraSecrets) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Numbers and booleans under a secret-looking name (`prompt_tokens`) are counts, not secrets.
      out[k] =
        isSecretName(k) && typeof v === 'string' && v !== '' ? REDACTED : redact(v, extraSecrets, depth + 1);
    }
    return out;
  }
  return value;
}
