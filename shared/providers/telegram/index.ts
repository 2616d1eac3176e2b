import * as z from 'zod';
import { call, defineAction, joinUrl, pickString, requireCredential, upstreamFailure } from '../provider-kit';
import type { ProviderDefinition } from '../types';

export const TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

const SendMessageParams = z.strictObject({
  /** A numeric chat id or `@channelusername`. */
  chat_id: z.union([
    z.number().int(),
    z.string().regex(/^(-?\d+|@[A-Za-z0-9_]{4,64})$/, 'a chat id or @username'),
  ]),
  text: z.string().min(1).max(4096),
  parse_mode: z.enum(['MarkdownV2', 'HTML', 'Markdown']).optional(),
  disable_notification: z.boolean().optional(),
  reply_to_message_id: z.number().int().optional(),
});

/** The token goes into the URL path, so it must not be able to add path segments of its own. */
const BOT_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/;

/** `apiBaseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export function createTelegramProvider(options: { apiBaseUrl?: string } = {}): ProviderDefinition {
  const api = options.apiBaseUrl ?? TELEGRAM_API_BASE_URL;
  return {
    name: 'telegram',
    title: 'Telegram',
    category: 'messaging',
    description: 'Send Telegram messages with a bot token.',
    docsUrl: 'https://core.telegram.org/bots/api#sendmessage',
    verification: 'wire-tested',
    credentialType: 'token',
    actions: {
      send_message: defineAction({
        description: 'Send a text message with the Bot API (sendMessage).',
        params: SendMessageParams,
        async execute(params, ctx) {
          const token = requireCredential(ctx, 'telegram', 'bot token');
          if (!BOT_TOKEN.test(token)) throw new Error('The stored Telegram credential is not a bot token');
          const result = await call(ctx, {
            method: 'POST',
            url: joinUrl(api, `/bot${token}/sendMessage`),
            json: params,
          });
          const body = (result.data ?? {}) as {
            ok?: boolean;
            result?: { message_id?: number; chat?: { id?: number } };
          };
          if (result.status >= 400 || body.ok !== true) {
            return upstreamFailure('Telegram', result, pickString(body, 'description'));
          }
          return {
            success: true,
            output: { message_id: body.result?.message_id ?? null, chat_id: body.result?.chat?.id ?? null },
            message: 'Telegram message sent',
          };
        },
      }),
    },
  };
}

export const telegram = createTelegramProvider();
