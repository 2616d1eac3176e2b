import type { KeyManagement } from '../crypto/key-management';
import { BadRequestError } from '../errors';
import { pathIdSchema } from '../http/path-id';
import type { ProviderCatalog } from '../plans/plan-validation';
import { parseCredentialId } from './credential-ids';
import {
  credentialNotFound,
  type CredentialRecord,
  type CredentialRepository,
} from './credential-repository';

/** KMS binds the ciphertext to these three values: copied anywhere else, it will not decrypt. */
export const credentialContext = (userId: string, provider: string, credentialType: string) => ({
  userId,
  provider,
  credentialType,
});

export const lastFour = (value: string) => value.slice(-4);

/** `{id}` of `/api/provider-credentials/{id}`: anything but a minted credential id is the same 404. */
export const CredentialPath = pathIdSchema('id', {
  wellFormed: (id) => parseCredentialId(id) !== undefined,
  notFound: credentialNotFound,
});

export interface NewCredential {
  provider: string;
  credentialType?: string;
  value: string;
  name?: string;
}

/** Storing and rotating credentials. Nothing here ever decrypts: that happens only inside a run. */
export class CredentialService {
  constructor(
    private readonly repo: CredentialRepository,
    private readonly kms: () => KeyManagement,
    private readonly catalog: ProviderCatalog,
  ) {}

  async create(userId: string, input: NewCredential): Promise<CredentialRecord> {
    const credentialType = await this.credentialTypeFor(userId, input.provider, input.credentialType);
    const ciphertext = await this.kms().encrypt(
      input.value,
      credentialContext(userId, input.provider, credentialType),
    );
    return this.repo.create({
      userId,
      provider: input.provider,
      credentialType,
      ciphertext,
      last4: lastFour(input.value),
      ...(input.name === undefined ? {} : { name: input.name }),
    });
  }

  async rotate(
    userId: string,
    credentialId: string,
    value: string,
    name?: string,
  ): Promise<CredentialRecord> {
    const current = await this.repo.getById(userId, credentialId);
    if (!current) throw credentialNotFound();
    const ciphertext = await this.kms().encrypt(
      value,
      credentialContext(userId, current.provider, current.credentialType),
    );
    return this.repo.rotate(userId, credentialId, {
      ciphertext,
      last4: lastFour(value),
      ...(name === undefined ? {} : { name }),
    });
  }

  list(userId: string): Promise<CredentialRecord[]> {
    return this.repo.list(userId);
  }

  delete(userId: string, credentialId: string): Promise<void> {
    return this.repo.delete(userId, credentialId);
  }

  /** The provider must exist for this user and take a credential of this type. */
  private async credentialTypeFor(userId: string, provider: string, requested?: string): Promise<string> {
    const definition = await this.catalog.find(provider, userId);
    if (!definition) throw new BadRequestError(`Unknown provider "${provider}"`, 'unknown_provider');
    if (definition.credentialType === 'none') {
      throw new BadRequestError(`Provider "${provider}" takes no credential`, 'credential_not_used');
    }
    if (requested !== undefined && requested !== definition.credentialType) {
      throw new BadRequestError(
        `Provider "${provider}" uses credential type "${definition.credentialType}", not "${requested}"`,
        'wrong_credential_type',
      );
    }
    return definition.credentialType;
  }
}

/** The public shape: the value never, only its last 4 characters. */
export function credentialView(record: CredentialRecord) {
  return {
    id: record.credentialId,
    provider: record.provider,
    credential_type: record.credentialType,
    name: record.name ?? null,
    last4: record.last4,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}
