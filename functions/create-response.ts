import { ResponsesRequestSchema } from '../shared/gateway/chat/chat-request';
import { openAiHandler } from '../shared/gateway/openai-handler';
import { RESPONSES } from '../shared/gateway/operations';

/** `POST /api/v1/responses` (the Responses API), streaming or not, its own event types passed through. */
export const handler = openAiHandler(RESPONSES, { schema: { body: ResponsesRequestSchema } });
