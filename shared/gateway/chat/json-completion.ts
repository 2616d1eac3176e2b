import type * as z from 'zod';
import { UpstreamError } from '../../errors';
import type { Identity } from '../../http/request';
import type { Logger } from '../../logger';
import { RequestMetrics } from '../metrics';
import { ChatRequestSchema } from './chat-request';
import type { ChatService } from './chat-service';

export interface JsonCompletionInput<T> {
  /** Whose session (and API key) the call runs on. */
  identity: Identity;
  /** Any name the router knows (`gpt-4o`, a target id…). */
  model: string;
  messages: ReadonlyArray<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  /** Checks the parsed answer; a mismatch is a 502 listing the issues. */
  schema?: z.ZodType<T>;
  temperature?: number;
  log: Logger;
  /** The caller's request metrics, if it has some; otherwise they are flushed here. */
  metrics?: RequestMetrics;
}

export interface JsonCompletion<T> {
  value: T;
  /** The model's raw text. */
  content: string;
  /** The target id the router chose. */
  routedModel: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

/** The model sometimes wraps JSON in a Markdown fence even in JSON mode. */
function unfence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}

/**
 * One non-streaming chat completion in JSON mode, through the model router and the
 * caller's model session (opened if needed, whatever the automation setting: the user
 * asked for this call). For features that let the LLM produce structured data, such as
 * drafting an execution plan from a message.
 */
export async function completeJson<T = unknown>(
  chat: ChatService,
  input: JsonCompletionInput<T>,
): Promise<JsonCompletion<T>> {
  const metrics = input.metrics ?? new RequestMetrics();
  try {
    const request = ChatRequestSchema.parse({
      model: input.model,
      messages: input.messages,
      stream: false,
      response_format: { type: 'json_object' },
      ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
    });
    const result = await chat.complete({
      identity: input.identity,
      request,
      log: input.log,
      metrics,
      autoOpen: 'always',
    });
    if (result.kind !== 'json') throw new Error('A non-streaming completion came back as a stream');
    await chat
      .recordUse(result.session)
      .catch((err: unknown) =>
        input.log.warn('recording the model session use failed', { error: err as Error }),
      );
    const completion = JSON.parse(result.text) as {
      choices?: Array<{ message?: { content?: unknown } }>;
      usage?: JsonCompletion<T>['usage'];
    };
    const content = completion.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new UpstreamError('The model returned no content', 'llm_no_content');
    let parsed: unknown;
    try {
      parsed = JSON.parse(unfence(content));
    } catch {
      throw new UpstreamError('The model did not return valid JSON', 'llm_invalid_json');
    }
    let value = parsed as T;
    if (input.schema) {
      const checked = input.schema.safeParse(parsed);
      if (!checked.success)
        throw new UpstreamError('The model returned JSON of the wrong shape', 'llm_invalid_output', {
          details: {
            issues: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        });
      value = checked.data;
    }
    return {
      value,
      content,
      routedModel: result.routed.target.id,
      ...(completion.usage ? { usage: completion.usage } : {}),
    };
  } finally {
    if (!input.metrics) metrics.flush();
  }
}
