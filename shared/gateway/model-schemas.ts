/** `GET /api/v1/models/{model}`'s path, shared by its handler and the API contract. */
import { NotFoundError } from '../errors';
import { pathIdSchema } from '../http/path-id';

/**
 * OpenAI's 404 for a model nobody lists. The same words for every name, so a name that
 * could never be a model (too long, control characters) cannot be told from an unknown one.
 */
export const modelNotFound = () =>
  new NotFoundError('The model does not exist or you do not have access to it.', 'model_not_found', {
    param: 'model',
    openaiType: 'invalid_request_error',
  });

/** Model names are printable ASCII, at most 200 characters (config/model_mappings.json). */
const MODEL_NAME = /^[\x21-\x7e]{1,200}$/;

export const ModelPath = pathIdSchema('model', {
  wellFormed: (s) => MODEL_NAME.test(s),
  notFound: modelNotFound,
});
