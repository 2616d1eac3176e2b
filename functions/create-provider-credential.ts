import { auditLog, userActor } from '../shared/audit/audit-log';
import { CreateCredentialBody } from '../shared/credentials/credential-schemas';
import { credentialView } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';

/** Stores a credential encrypted under KMS; the response shows only its last 4 characters. */
export const handler = http(
  async ({ body, identity, log }) => {
    const record = await engineRuntime().credentials.create(identity.userId, {
      provider: (body.provider ?? body.provider_name) as string,
      value: body.value,
      ...(body.credential_type ? { credentialType: body.credential_type } : {}),
      ...(body.name ? { name: body.name } : {}),
    });
    log.info('credential stored', { credentialId: record.credentialId, provider: record.provider });
    await auditLog().record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'credential.create',
      target: { type: 'credential', id: record.credentialId },
      details: { provider: record.provider, credential_type: record.credentialType },
    });
    return created(credentialView(record));
  },
  { schema: { body: CreateCredentialBody } },
);
