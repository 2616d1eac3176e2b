import { ChatRequestSchema } from '../shared/gateway/chat/chat-request';
import { openAiHandler } from '../shared/gateway/openai-handler';
import { CHAT } from '../shared/gateway/operations';

/** `POST /api/v1/chat/completions`, streaming or not. */
export const handler = openAiHandler(CHAT, { schema: { body: ChatRequestSchema } });
