import { pathIdSchema } from '../http/path-id';
import { isId } from '../ids';
import { integrationNotFound } from './integration-repository';

/**
 * `{integration_id}` in a path: a missing id, another user's id and anything that is not a
 * minted `int_` id all end as the same 404.
 */
export const IntegrationPath = pathIdSchema('integration_id', {
  wellFormed: (id) => isId('int', id),
  notFound: integrationNotFound,
});
