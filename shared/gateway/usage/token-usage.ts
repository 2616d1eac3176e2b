import type { GatewayRequest } from '../chat/chat-request';
import type { Operation } from '../operations';

/** Tokens one call used, as the upstream reported them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** Filled in once the call's answer is complete (for a stream: at its end). */
export interface UsageMeter {
  tokens?: TokenUsage;
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;

function fromUsage(usage: unknown): TokenUsage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as Record<string, unknown>;
  // Chat, completions and embeddings say prompt/completion; the Responses API says input/output.
  const prompt = count(u.prompt_tokens) ?? count(u.input_tokens);
  if (prompt === undefined) return undefined;
  return {
    promptTokens: prompt,
    completionTokens: count(u.completion_tokens) ?? count(u.output_tokens) ?? 0,
  };
}

/**
 * The usage in an answer or in one stream event: `usage` at the top (a JSON answer, the
 * last chunk of a chat or completions stream) or in a Responses event's `response`.
 */
export function usageIn(parsed: Record<string, unknown>): TokenUsage | undefined {
  if (parsed.usage) return fromUsage(parsed.usage);
  const response = parsed.response as Record<string, unknown> | undefined;
  return typeof response === 'object' && response !== null ? fromUsage(response.usage) : undefined;
}

/**
 * Whether the gateway must ask for a stream's usage itself: a chat or completions stream
 * whose caller did not (`stream_options.include_usage`). That usage chunk is then kept
 * from the caller, and so is the `usage: null` the upstream adds to every other chunk.
 */
export function usageHidden(operation: Operation, request: GatewayRequest, streaming: boolean): boolean {
  if (!streaming || operation.stream !== 'done') return false;
  const options = request.stream_options as { include_usage?: unknown } | null | undefined;
  return options?.include_usage !== true;
}

export function withUsageRequested(body: Record<string, unknown>): Record<string, unknown> {
  const options = (body.stream_options ?? {}) as Record<string, unknown>;
  return { ...body, stream_options: { ...options, include_usage: true } };
}

/**
 * What a request may use before it is sent, for token limits: its text at about four
 * characters a token, plus the most it may generate when it says so.
 */
export function estimateTokens(request: GatewayRequest): number {
  const input = request.messages ?? request.prompt ?? request.input ?? '';
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const most = request.max_completion_tokens ?? request.max_tokens ?? request.max_output_tokens;
  return Math.ceil(text.length / 4) + (count(most) ?? 0);
}
