/** Request shapes of the credential routes, shared by their handlers and the API contract. */
import * as z from 'zod';

const CREDENTIAL_TYPES = ['api_key', 'token', 'oauth', 'custom'] as const;

// KMS encrypts at most 4096 bytes; short values would leave little hidden behind the last 4.
const CredentialValue = z
  .string()
  .min(8)
  .refine((v) => Buffer.byteLength(v) <= 4096, 'must be at most 4096 bytes');

export const CreateCredentialBody = z
  .strictObject({
    provider: z.string().min(1).max(128).optional(),
    /** The seed's field name, accepted as an alias of `provider`. */
    provider_name: z.string().min(1).max(128).optional(),
    credential_type: z.enum(CREDENTIAL_TYPES).optional(),
    value: CredentialValue,
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => (b.provider ?? b.provider_name) !== undefined, {
    message: 'provider is required',
    path: ['provider'],
  });

export const RotateCredentialBody = z.strictObject({
  value: CredentialValue,
  name: z.string().trim().min(1).max(100).optional(),
});
