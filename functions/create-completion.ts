import { CompletionsRequestSchema } from '../shared/gateway/chat/chat-request';
import { openAiHandler } from '../shared/gateway/openai-handler';
import { COMPLETIONS } from '../shared/gateway/operations';

/** `POST /api/v1/completions` (legacy text completions), streaming or not. */
export const handler = openAiHandler(COMPLETIONS, { schema: { body: CompletionsRequestSchema } });
