import { auditLog, userActor } from '../shared/audit/audit-log';
import { RotateCredentialBody } from '../shared/credentials/credential-schemas';
import { CredentialPath, credentialView } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/** Rotates a credential: the new value replaces the old ciphertext under the same id. */
export const handler = http(
  async ({ path, body, identity, log }) => {
    const record = await engineRuntime().credentials.rotate(identity.userId, path.id, body.value, body.name);
    log.info('credential rotated', { credentialId: record.credentialId });
    await auditLog().record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'credential.rotate',
      target: { type: 'credential', id: record.credentialId },
      details: { provider: record.provider, credential_type: record.credentialType },
    });
    return ok(credentialView(record));
  },
  { schema: { path: CredentialPath, body: RotateCredentialBody } },
);
