import * as z from 'zod';
import {
  HttpUrl,
  MissingCredentialError,
  call,
  defineAction,
  joinUrl,
  pickString,
  requireCredential,
  upstreamFailure,
} from '../provider-kit';
import type { ActionContext, ProviderDefinition } from '../types';

export const SLACK_API_BASE_URL = 'https://slack.com/api';

const Blocks = z.array(z.record(z.string(), z.unknown())).max(50);

const WebhookParams = z.strictObject({
  /** Optional: without it the stored Slack credential must be the incoming-webhook URL (it is a secret). */
  webhook_url: HttpUrl.optional(),
  text: z.string().min(1).max(40_000),
  blocks: Blocks.optional(),
  username: z.string().max(80).optional(),
  icon_emoji: z.string().max(100).optional(),
});

const PostMessageParams = z.strictObject({
  channel: z.string().min(1).max(200),
  text: z.string().min(1).max(40_000),
  blocks: Blocks.optional(),
  thread_ts: z.string().max(64).optional(),
  unfurl_links: z.boolean().optional(),
});

function webhookUrl(explicit: string | undefined, ctx: ActionContext): string {
  if (explicit) return explicit;
  if (ctx.credential && /^https?:\/\//i.test(ctx.credential)) return ctx.credential;
  throw new MissingCredentialError('slack', 'incoming-webhook URL (store it, or pass webhook_url)');
}

/** `apiBaseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export function createSlackProvider(options: { apiBaseUrl?: string } = {}): ProviderDefinition {
  const api = options.apiBaseUrl ?? SLACK_API_BASE_URL;
  return {
    name: 'slack',
    title: 'Slack',
    category: 'messaging',
    description: 'Post Slack messages through an incoming webhook or a bot token.',
    docsUrl: 'https://docs.slack.dev/reference/methods/chat.postMessage',
    verification: 'wire-tested',
    credentialType: 'token',
    actions: {
      send_webhook: defineAction({
        description: 'Post to a channel through an incoming webhook.',
        params: WebhookParams,
        async execute({ webhook_url, ...message }, ctx) {
          const result = await call(ctx, {
            method: 'POST',
            url: webhookUrl(webhook_url, ctx),
            json: message,
          });
          // Incoming webhooks answer a plain-text `ok`, or a 4xx with a short error code as text.
          if (result.status >= 400) {
            return upstreamFailure(
              'Slack',
              result,
              typeof result.data === 'string' ? result.data : undefined,
            );
          }
          return {
            success: true,
            output: { status: result.status, body: result.data },
            message: 'Posted to Slack',
          };
        },
      }),
      post_message: defineAction({
        description: 'Send a message with chat.postMessage using a bot token (xoxb-...).',
        params: PostMessageParams,
        async execute(params, ctx) {
          const token = requireCredential(ctx, 'slack', 'bot token');
          const result = await call(ctx, {
            method: 'POST',
            url: joinUrl(api, '/chat.postMessage'),
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
            json: params,
          });
          const body = (result.data ?? {}) as { ok?: boolean; channel?: string; ts?: string; error?: string };
          // The Web API reports most failures as HTTP 200 with `ok: false`.
          if (result.status >= 400 || body.ok !== true) {
            return upstreamFailure('Slack', result, pickString(body, 'error'));
          }
          return {
            success: true,
            output: { channel: body.channel, ts: body.ts },
            message: `Posted to ${body.channel ?? params.channel}`,
          };
        },
      }),
    },
  };
}

export const slack = createSlackProvider();
