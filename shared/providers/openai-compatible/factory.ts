import * as z from 'zod';
import {
  HttpUrl,
  call,
  defineAction,
  joinUrl,
  pickString,
  upstreamFailure,
  withOrigin,
} from '../provider-kit';
import { usageIn } from '../../gateway/usage/token-usage';
import { authParts, credentialFields, fillFields } from '../manifest/manifest-auth';
import type { ManifestAuth } from '../manifest/manifest-schema';
import type { ProviderDefinition, ProviderResult, VerificationLevel } from '../types';

const BEARER: Pick<ManifestAuth, 'fields' | 'apply'> = {
  fields: { api_key: { description: 'The API key', secret: true } },
  apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {api_key}' }],
};

const Message = z.strictObject({
  role: z.enum(['system', 'user', 'assistant', 'developer']),
  content: z.string().max(200_000),
});

const chatShape = {
  model: z.string().min(1).max(200),
  /** Either `messages`, or `prompt` (with an optional `system`) for the common one-turn case. */
  messages: z.array(Message).min(1).max(200).optional(),
  prompt: z.string().max(200_000).optional(),
  system: z.string().max(200_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.number().int().positive().max(1_000_000).optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
  /** `json_object`: the reply is also parsed into `output.json`. */
  response_format: z.enum(['text', 'json_object']).optional(),
};

type ChatParams = z.infer<z.ZodObject<typeof chatShape>> & { base_url?: string };

const needsInput = (p: { messages?: unknown; prompt?: unknown }) =>
  p.messages !== undefined || p.prompt !== undefined;
const inputIssue = { message: 'give messages or prompt', path: ['messages'] };

const FixedHostParams = z.strictObject(chatShape).refine(needsInput, inputIssue);
const AnyHostParams = z.strictObject({ ...chatShape, base_url: HttpUrl }).refine(needsInput, inputIssue);

export interface OpenAiCompatibleOptions {
  name: string;
  title: string;
  /**
   * The API base (`https://api.openai.com/v1`), which may be built from credential fields
   * (`https://{resource}.openai.azure.com/openai/v1`). Without one, each step names its own
   * `base_url` (a self-hosted server), which the outbound guard checks like any URL.
   */
  baseUrl?: string;
  /** False for servers that take no key (a self-hosted model). */
  credentialRequired?: boolean;
  description?: string;
  docsUrl?: string;
  verification?: VerificationLevel;
  /**
   * How the key is presented and what the credential holds, in the manifest format
   * (default: one secret, sent as `Authorization: Bearer <key>`).
   */
  auth?: Pick<ManifestAuth, 'fields' | 'apply' | 'hint'>;
  /** Sends the requests to this origin, keeping the path: how wire tests use a loopback fake. */
  origin?: string;
}

function requestBody(params: ChatParams): Record<string, unknown> {
  const messages = params.messages ?? [
    ...(params.system ? [{ role: 'system', content: params.system }] : []),
    { role: 'user', content: params.prompt ?? '' },
  ];
  return {
    model: params.model,
    messages,
    stream: false,
    ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
    ...(params.top_p === undefined ? {} : { top_p: params.top_p }),
    ...(params.max_tokens === undefined ? {} : { max_tokens: params.max_tokens }),
    ...(params.stop === undefined ? {} : { stop: params.stop }),
    ...(params.response_format ? { response_format: { type: params.response_format } } : {}),
  };
}

interface Completion {
  id?: string;
  model?: string;
  choices?: { message?: { content?: string | null }; finish_reason?: string }[];
  usage?: unknown;
}

function toResult(title: string, params: ChatParams, completion: Completion): ProviderResult {
  const choice = completion.choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') {
    return { success: false, output: completion, message: `${title} returned no message content` };
  }
  const output: Record<string, unknown> = {
    content,
    model: completion.model ?? params.model,
    finish_reason: choice?.finish_reason ?? null,
    usage: completion.usage ?? null,
    id: completion.id ?? null,
  };
  if (params.response_format === 'json_object') {
    try {
      output.json = JSON.parse(content) as unknown;
    } catch {
      return { success: false, output, message: `${title} did not return valid JSON` };
    }
  }
  const usage = usageIn(completion as Record<string, unknown>);
  return {
    success: true,
    output,
    message: `Completed with ${output.model as string}`,
    ...(usage ? { usage } : {}),
  };
}

/**
 * One factory for every OpenAI-compatible API (OpenAI, Groq, any `/v1/chat/completions`
 * server). It speaks the wire format through the outbound guard rather than using the
 * openai SDK: one HTTP path for every provider, so the SSRF checks, pinning, size and time
 * caps and the retryable-error mapping apply the same way, and the bundle stays small.
 */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): ProviderDefinition {
  const { name, title, baseUrl } = options;
  const credentialRequired = options.credentialRequired ?? true;
  const auth: ManifestAuth = { credentialType: 'api_key', ...(options.auth ?? BEARER) };
  /** The base URL and the auth headers for this step's credential. */
  const target = (params: ChatParams, credential: string | undefined) => {
    if (!credentialRequired && credential === undefined)
      return { base: baseUrl ?? params.base_url ?? '', headers: {} };
    const fields = credentialFields(name, auth, credential, 'API key');
    return {
      base: fillFields(baseUrl ?? params.base_url ?? '', fields),
      headers: authParts(auth, fields).headers,
    };
  };
  return {
    name,
    title,
    credentialType: 'api_key',
    category: 'ai',
    description: options.description ?? `Chat completions with ${title}'s OpenAI-compatible API.`,
    ...(options.docsUrl ? { docsUrl: options.docsUrl } : {}),
    verification: options.verification ?? 'documented',
    ...(auth.hint ? { credentialHint: auth.hint } : {}),
    actions: {
      chat_completion: defineAction({
        description: `Create a chat completion with ${title}; the reply text is output.content.`,
        params: baseUrl ? FixedHostParams : AnyHostParams,
        async execute(raw, ctx) {
          const params = raw as ChatParams;
          const { base, headers } = target(params, ctx.credential || undefined);
          const result = await call(ctx, {
            method: 'POST',
            url: withOrigin(joinUrl(base, '/chat/completions'), options.origin).href,
            headers,
            json: requestBody(params),
          });
          if (result.status >= 400) {
            return upstreamFailure(title, result, pickString(result.data, 'error', 'message'));
          }
          return toResult(title, params, (result.data ?? {}) as Completion);
        },
      }),
    },
  };
}
