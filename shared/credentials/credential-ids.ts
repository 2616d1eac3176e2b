import { randomBytes } from 'node:crypto';

/*
 * A credential's id names its item: `cred_<base64url("<provider>#<type>")>.<24 hex>`.
 * The first part rebuilds the sort key `CRED#<provider>#<type>` in the caller's partition
 * (one GetItem, no index); the random part must match the stored item, so an id from
 * another user, or from a credential deleted and stored again, is simply not found.
 */
export interface CredentialIdParts {
  provider: string;
  credentialType: string;
  nonce: string;
}

export function newCredentialId(provider: string, credentialType: string): string {
  const slot = Buffer.from(`${provider}#${credentialType}`, 'utf8').toString('base64url');
  return `cred_${slot}.${randomBytes(12).toString('hex')}`;
}

export function parseCredentialId(id: string): CredentialIdParts | undefined {
  const match = /^cred_([A-Za-z0-9_-]{1,400})\.([0-9a-f]{24})$/.exec(id);
  if (!match) return undefined;
  const slot = Buffer.from(match[1] as string, 'base64url').toString('utf8');
  const hash = slot.lastIndexOf('#');
  if (hash <= 0 || hash === slot.length - 1) return undefined;
  return { provider: slot.slice(0, hash), credentialType: slot.slice(hash + 1), nonce: match[2] as string };
}

export const credentialSortKey = (provider: string, credentialType: string) =>
  `CRED#${provider}#${credentialType}`;
