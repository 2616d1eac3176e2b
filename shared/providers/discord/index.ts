import * as z from 'zod';
import {
  HttpUrl,
  MissingCredentialError,
  call,
  defineAction,
  pickString,
  upstreamFailure,
} from '../provider-kit';
import type { ActionContext, ProviderDefinition } from '../types';

const SendParams = z
  .strictObject({
    /** Optional: without it the stored Discord credential must be the webhook URL (it holds the webhook token). */
    webhook_url: HttpUrl.optional(),
    content: z.string().min(1).max(2000).optional(),
    username: z.string().max(80).optional(),
    avatar_url: HttpUrl.optional(),
    tts: z.boolean().optional(),
    embeds: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
  })
  .refine((p) => p.content !== undefined || (p.embeds?.length ?? 0) > 0, {
    message: 'give content or embeds',
    path: ['content'],
  });

function webhookUrl(explicit: string | undefined, ctx: ActionContext): URL {
  const url =
    explicit ?? (ctx.credential && /^https?:\/\//i.test(ctx.credential) ? ctx.credential : undefined);
  if (!url) throw new MissingCredentialError('discord', 'webhook URL (store it, or pass webhook_url)');
  const parsed = new URL(url);
  // `wait=true` makes Discord answer with the created message instead of an empty 204.
  parsed.searchParams.set('wait', 'true');
  return parsed;
}

export const discord: ProviderDefinition = {
  name: 'discord',
  title: 'Discord',
  category: 'messaging',
  description: 'Post messages to a Discord channel through its webhook.',
  docsUrl: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
  verification: 'wire-tested',
  credentialType: 'custom',
  actions: {
    send_webhook: defineAction({
      description: 'Post a message (text and/or embeds) through a channel webhook.',
      params: SendParams,
      async execute({ webhook_url, ...message }, ctx) {
        const result = await call(ctx, {
          method: 'POST',
          url: webhookUrl(webhook_url, ctx).toString(),
          json: message,
        });
        if (result.status >= 400)
          return upstreamFailure('Discord', result, pickString(result.data, 'message'));
        const sent = (result.data ?? {}) as { id?: string; channel_id?: string };
        return {
          success: true,
          output: { id: sent.id ?? null, channel_id: sent.channel_id ?? null },
          message: 'Posted to Discord',
        };
      },
    }),
  },
};
