import { randomBytes } from 'node:crypto';
import type OpenAI from 'openai';
import type { SessionBackend, UpstreamChatRequest } from './session-backend';

/**
 * Any OpenAI-compatible upstream (base URL and key from env). Sessions are logical:
 * they live only in DynamoDB, so opening and closing never call the upstream.
 */
export class DirectBackend implements SessionBackend {
  readonly kind = 'direct' as const;

  constructor(
    private readonly client: OpenAI,
    readonly secrets: readonly string[],
  ) {}

  async openSession(): Promise<string> {
    return `sess_${randomBytes(16).toString('hex')}`;
  }

  async closeSession(): Promise<void> {
    // Nothing exists upstream to close.
  }

  chat({ body, signal }: UpstreamChatRequest): Promise<Response> {
    return this.client.chat.completions
      .create(body as unknown as OpenAI.ChatCompletionCreateParams, { signal, maxRetries: 0 })
      .asResponse();
  }

  isSessionGone(): boolean {
    return false;
  }
}
