import type { ListedModel } from './model-router';

/** A model as `GET /api/v1/models` lists it: OpenAI's model object plus Morpheus's `blockchainID`. */
export function modelView({ name, target }: ListedModel) {
  return {
    id: name,
    object: 'model' as const,
    created: target.created,
    owned_by: target.ownedBy,
    blockchainID: target.backend === 'morpheus' ? target.blockchainId : null,
  };
}
