/** Request shapes of the API-key routes, shared by their handlers and the API contract. */
import * as z from 'zod';
import { pathIdSchema } from '../http/path-id';
import { apiKeyNotFound, isApiKeyId } from './api-key-repository';

export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100).default('default'),
});

/** `{key_id}`: anything but a minted key id is the same 404 as an unknown one. */
export const ApiKeyPath = pathIdSchema('key_id', { wellFormed: isApiKeyId, notFound: apiKeyNotFound });
