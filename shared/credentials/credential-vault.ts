import type { KeyManagement } from '../crypto/key-management';
import { Redactor } from '../redact';
import type { CredentialRepository } from './credential-repository';
import { credentialContext } from './credential-service';

/**
 * Decryption for one run, and only for that run's user: the item is read from the
 * user's partition and KMS checks the context, so nothing another user stored can open.
 * Every value handed out is given to the run's redactor before anyone sees it.
 */
export class RunCredentials {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  /** Knows every value decrypted so far in this run. */
  readonly redactor = new Redactor();

  constructor(
    private readonly userId: string,
    private readonly repo: CredentialRepository,
    private readonly kms: KeyManagement,
  ) {}

  /** The decrypted value, or undefined when the user stored none for this provider. */
  get(provider: string, credentialType: string): Promise<string | undefined> {
    const slot = `${provider}#${credentialType}`;
    let pending = this.cache.get(slot);
    if (!pending) {
      pending = this.load(provider, credentialType);
      this.cache.set(slot, pending);
    }
    return pending;
  }

  private async load(provider: string, credentialType: string): Promise<string | undefined> {
    const record = await this.repo.findFor(this.userId, provider, credentialType);
    if (!record) return undefined;
    const value = await this.kms.decrypt(
      record.ciphertext,
      credentialContext(this.userId, provider, credentialType),
    );
    this.redactor.add(value);
    // A credential with several fields is a JSON object (see shared/providers/manifest/manifest-auth.ts):
    // each field reaches the wire on its own, so each is redacted on its own too.
    for (const field of jsonStringMembers(value)) this.redactor.add(field);
    return value;
  }
}

function jsonStringMembers(value: string): string[] {
  if (!value.startsWith('{')) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.values(parsed).filter((v): v is string => typeof v === 'string' && v !== '');
  } catch {
    return [];
  }
}
