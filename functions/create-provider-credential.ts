import * as z from 'zod';
import { auditLog, userActor } from '../shared/audit/audit-log';
import { credentialView } from '../shared/credentials/credential-service';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { created } from '../shared/http/response';

const CREDENTIAL_TYPES = ['api_key', 'token', 'oauth', 'custom'] as const;

const Body = z
  .strictObject({
    provider: z.string().min(1).max(128).optional(),
    /** The seed's field name, accepted as an alias of `provider`. */
    provider_name: z.string().min(1).max(128).optional(),
    credential_type: z.enum(CREDENTIAL_TYPES).optional(),
    // KMS encrypts at most 4096 bytes; short values would leave little hidden behind the last 4.
    value: z
      .string()
      .min(8)
      .refine((v) => Buffer.byteLength(v) <= 4096, 'must be at most 4096 bytes'),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => (b.provider ?? b.provider_name) !== undefined, {
    message: 'provider is required',
    path: ['provider'],
  });

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
  { schema: { body: Body } },
);
