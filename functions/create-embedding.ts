import { EmbeddingsRequestSchema } from '../shared/gateway/chat/chat-request';
import { openAiHandler } from '../shared/gateway/openai-handler';
import { EMBEDDINGS } from '../shared/gateway/operations';

/** `POST /api/v1/embeddings`. */
export const handler = openAiHandler(EMBEDDINGS, { schema: { body: EmbeddingsRequestSchema } });
