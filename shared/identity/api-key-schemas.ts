/** Request shapes of the API-key routes, shared by their handlers and the API contract. */
import * as z from 'zod';
import { pathIdSchema } from '../http/path-id';
import { apiKeyNotFound, isApiKeyId } from './api-key-repository';
import { KeyLimitsBody, KeyLimitsPatch } from './key-limits';

const KeyName = z.string().trim().min(1).max(100);

export const CreateApiKeyBody = z.strictObject({
  name: KeyName.default('default'),
  limits: KeyLimitsBody.optional().describe("The gateway's limits for this key; none when left out"),
});

export const UpdateApiKeyBody = z
  .strictObject({
    name: KeyName.optional(),
    limits: KeyLimitsPatch.nullable()
      .optional()
      .describe('Fields given replace those limits, a field set to null removes one, `null` removes all'),
  })
  .refine((b) => b.name !== undefined || b.limits !== undefined, 'give name or limits');

/** `{key_id}`: anything but a minted key id is the same 404 as an unknown one. */
export const ApiKeyPath = pathIdSchema('key_id', { wellFormed: isApiKeyId, notFound: apiKeyNotFound });
