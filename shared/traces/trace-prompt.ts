/**
 * What the LLM is told when it drafts a trace: the plan format, the rules the validator
 * will hold it to, and the caller's provider catalogue (every action with its params as
 * JSON Schema, exactly as GET /api/providers shows them). Everything is generated from the
 * registry and the plan schema, so a new provider or a changed limit needs no prompt edit.
 */
import * as z from 'zod';
import { env } from '../config/env';
import { PlanBodySchema } from '../plans/plan-schema';
import { describeProviders } from '../providers/listing';
import type { ProviderDefinition } from '../providers/types';

/**
 * The answer the model must give: a plan body. Unknown top-level keys are dropped rather
 * than refused (models like to add an "explanation"); the steps are as strict as a saved plan's.
 */
export const DraftSchema = z.object(PlanBodySchema.shape);
export type Draft = z.infer<typeof DraftSchema>;

let draftJsonSchema: unknown;

/** The JSON Schema of a draft (`io: 'input'`: fields with defaults may be left out). */
export function draftOutputJsonSchema(): unknown {
  draftJsonSchema ??= z.toJSONSchema(DraftSchema, { io: 'input', unrepresentable: 'any' });
  return draftJsonSchema;
}

/** How many validation reasons a repair request quotes; the rest add nothing the model can use. */
export const MAX_REPAIR_REASONS = 30;

/** The system message of a drafting conversation. */
export function draftSystemPrompt(providers: readonly ProviderDefinition[]): string {
  const catalogue = describeProviders(providers).providers;
  return [
    'You are the planner of Flowgate, an automation service. Turn the user request into an execution plan:',
    'an ordered list of steps, each calling one action of one provider from the catalogue below.',
    '',
    'Answer with exactly one JSON object and nothing else (no prose, no Markdown), matching this JSON Schema:',
    JSON.stringify(draftOutputJsonSchema()),
    '',
    'Rules:',
    '- `name`: a short title for the automation; `description`: one sentence on what it does.',
    `- At most ${env.PLAN_MAX_STEPS} steps; they run one after another, in order.`,
    '- Each step has a unique `id` of 1-64 characters from A-Z, a-z, 0-9, _ and -.',
    "- `provider` and `action` must be names from the catalogue; `params` must match that action's `params` JSON Schema.",
    '- A string param may refer to the output of an EARLIER step with `{{steps.<id>.output.<path>}}`,',
    '  and to `{{run.id}}` or `{{run.scheduled_time}}` (the fire time when the automation runs on a schedule).',
    '  Nothing else is evaluated inside `{{ }}`.',
    '- Never put API keys, tokens or passwords in params: providers use the credentials the user stored.',
    '- Optional per step: `retry` {max_attempts, backoff_ms}, `timeout_ms`, `continue_on_error`.',
    '',
    'Provider catalogue (JSON):',
    JSON.stringify(catalogue),
  ].join('\n');
}

/** The user turn that asks for a corrected draft, quoting why the last one was refused. */
export function repairPrompt(reasons: readonly string[]): string {
  const quoted = reasons.slice(0, MAX_REPAIR_REASONS).map((reason) => `- ${reason}`);
  if (reasons.length > MAX_REPAIR_REASONS)
    quoted.push(`- …and ${reasons.length - MAX_REPAIR_REASONS} more problems`);
  return [
    'Your answer is not a valid plan:',
    ...quoted,
    'Answer again with the whole corrected JSON object only, following the same schema and rules.',
  ].join('\n');
}
