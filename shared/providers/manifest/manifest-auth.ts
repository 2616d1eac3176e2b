import { MissingCredentialError } from '../provider-kit';
import { credentialFieldsOf, type CredentialFieldSpec, type ManifestAuth } from './manifest-schema';

/** The stored credential does not have the shape the provider needs: retrying cannot help. */
export class CredentialShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialShapeError';
  }
}

export type CredentialFields = Record<string, string>;

function describeFields(fields: Record<string, CredentialFieldSpec>): string {
  return Object.keys(fields).join(', ');
}

/**
 * The credential's fields. A provider with one field takes the plain secret string; one with
 * several takes a JSON object (`{"subdomain":"acme","email":"…","api_token":"…"}`). Defaults
 * fill what is left out; patterns and enums are checked here, before any value reaches a URL.
 * No message ever contains a value: only field names.
 */
export function credentialFields(
  provider: string,
  auth: ManifestAuth,
  credential: string | undefined,
  /** How a missing credential is named in the error (default: its field names). */
  label?: string,
): CredentialFields {
  if (auth.credentialType === 'none') return {};
  const specs = credentialFieldsOf(auth);
  const names = Object.keys(specs);
  if (credential === undefined || credential === '')
    throw new MissingCredentialError(provider, label ?? names.join(' and '));
  const values: CredentialFields = {};
  if (names.length === 1) {
    values[names[0]!] = credential;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(credential);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new CredentialShapeError(
        `The stored credential for ${provider} must be a JSON object with ${describeFields(specs)}`,
      );
    for (const name of names) {
      const value = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string' && value !== '') values[name] = value;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name] ?? spec.default;
    if (value === undefined)
      throw new CredentialShapeError(
        `The stored credential for ${provider} has no ${name} (${spec.description})`,
      );
    if (spec.enum && !spec.enum.includes(value))
      throw new CredentialShapeError(
        `The stored credential for ${provider} has an unknown ${name} (one of: ${spec.enum.join(', ')})`,
      );
    if (spec.pattern && !new RegExp(spec.pattern, 'u').test(value))
      throw new CredentialShapeError(`The stored credential for ${provider} has a malformed ${name}`);
    values[name] = value;
  }
  return values;
}

/** `{field}` replaced by the credential's values; a field the template names must exist (the schema checks it). */
export function fillFields(template: string, fields: CredentialFields, encode = (v: string) => v): string {
  return template.replace(/\{([a-z0-9_]+)\}/g, (_, name: string) => encode(fields[name] ?? ''));
}

export interface AuthParts {
  headers: Record<string, string>;
  query: [string, string][];
  /** Dotted body paths and their values. */
  body: [string, string][];
}

/** The headers, query parameters and body fields that present the credential. */
export function authParts(auth: ManifestAuth, fields: CredentialFields): AuthParts {
  const parts: AuthParts = { headers: {}, query: [], body: [] };
  for (const placement of auth.apply) {
    if (placement.in === 'header')
      parts.headers[placement.name.toLowerCase()] = fillFields(placement.value, fields);
    else if (placement.in === 'query')
      parts.query.push([placement.name, fillFields(placement.value, fields)]);
    else if (placement.in === 'body') parts.body.push([placement.path, fillFields(placement.value, fields)]);
    else {
      const pair = `${fillFields(placement.username, fields)}:${fillFields(placement.password, fields)}`;
      parts.headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    }
  }
  return parts;
}
