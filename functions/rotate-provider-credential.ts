import * as z from 'zod';
import { auditLog, userActor } from '../shared/audit/audit-log';
import { CredentialPath, credentialView } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const Body = z.strictObject({
  value: z
    .string()
    .min(8)
    .refine((v) => Buffer.byteLength(v) <= 4096, 'must be at most 4096 bytes'),
  name: z.string().trim().min(1).max(100).optional(),
});

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
  { schema: { path: CredentialPath, body: Body } },
);
