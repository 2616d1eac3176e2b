import { auditLog, userActor } from '../shared/audit/audit-log';
import { CredentialPath } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';

export const handler = http(
  async ({ path, identity, log }) => {
    await engineRuntime().credentials.delete(identity.userId, path.id);
    log.info('credential deleted', { credentialId: path.id });
    await auditLog().record({
      userId: identity.userId,
      actor: userActor(identity),
      action: 'credential.delete',
      target: { type: 'credential', id: path.id },
    });
    return noContent();
  },
  { schema: { path: CredentialPath } },
);
