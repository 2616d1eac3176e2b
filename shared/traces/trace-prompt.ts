/**
 * What the LLM is told when it drafts a trace: the plan format, the rules the validator
 * will hold it to, the names of every provider the caller can use, and in full (actions with
 * their params as JSON Schema, exactly as GET /api/providers shows them) the few the request
 * is about (./provider-picker.ts). Everything is generated from the registry and the plan
 * schema, so a new provider or a changed limit needs no prompt edit.
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

/** Every provider not described in full, by category: names only, a few tokens each. */
function providerIndex(others: readonly ProviderDefinition[]): string[] {
  const byCategory = new Map<string, string[]>();
  for (const provider of others)
    byCategory.set(provider.category, [...(byCategory.get(provider.category) ?? []), provider.name]);
  return [...byCategory].map(([category, names]) => `- ${category}: ${names.join(', ')}`);
}

/** The catalogue entries of these providers, as the prompt and a repair turn quote them. */
export const catalogueJson = (providers: readonly ProviderDefinition[]) =>
  JSON.stringify(describeProviders(providers).providers);

/**
 * The system message of a drafting conversation: `detailed` in full, the rest of `providers`
 * by name (the detailed catalogue comes last; the local stub model reads it there).
 */
export function draftSystemPrompt(
  providers: readonly ProviderDefinition[],
  detailed: readonly ProviderDefinition[] = providers,
): string {
  const others = providers.filter((p) => !detailed.includes(p));
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
    ...(others.length
      ? [
          '',
          'Other providers you may use (names only, by category). Prefer the catalogue below; if the request',
          "needs one of these, use it and give your best params: a refused draft is answered with that provider's schema.",
          ...providerIndex(others),
        ]
      : []),
    '',
    'Provider catalogue (JSON):',
    catalogueJson(detailed),
  ].join('\n');
}

/**
 * The user turn that asks for a corrected draft, quoting why the last one was refused, with
 * the full catalogue entries of the providers it used that the system prompt only named.
 */
export function repairPrompt(reasons: readonly string[], added: readonly ProviderDefinition[] = []): string {
  const quoted = reasons.slice(0, MAX_REPAIR_REASONS).map((reason) => `- ${reason}`);
  if (reasons.length > MAX_REPAIR_REASONS)
    quoted.push(`- …and ${reasons.length - MAX_REPAIR_REASONS} more problems`);
  return [
    'Your answer is not a valid plan:',
    ...quoted,
    ...(added.length
      ? ['The catalogue entries of the providers you used (JSON):', catalogueJson(added)]
      : []),
    'Answer again with the whole corrected JSON object only, following the same schema and rules.',
  ].join('\n');
}
