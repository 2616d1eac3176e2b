/**
 * Drafting a trace: one JSON completion through the gateway (the caller's model session,
 * the router, the upstream client), checked as a saved plan would be; if it fails, one
 * repair round that quotes the reasons; if that fails too, a 422 listing them.
 */
import { AppError, UnprocessableError, ValidationError } from '../errors';
import type { JsonCompletion, JsonCompletionInput } from '../gateway/chat/json-completion';
import type { Identity, ValidationIssue } from '../http/request';
import type { Logger } from '../logger';
import { validatePlanSteps, type ProviderCatalog } from '../plans/plan-validation';
import type { ProviderDefinition } from '../providers/types';
import { pickProviders } from './provider-picker';
import { DraftSchema, draftSystemPrompt, repairPrompt, type Draft } from './trace-prompt';

/** The seam at completeJson: production passes `(input) => completeJson(gateway().chat, input)`. */
export type JsonCompleter = (input: JsonCompletionInput<unknown>) => Promise<JsonCompletion<unknown>>;

export interface TraceDrafterDeps {
  complete: JsonCompleter;
  catalog: ProviderCatalog;
  /** Every provider the user may use: the built-ins and their custom integrations. */
  providersFor(userId: string): Promise<ProviderDefinition[]>;
}

export interface DraftRequest {
  identity: Identity;
  message: string;
  model: string;
  log: Logger;
}

export interface DraftResult {
  draft: Draft;
  /** The target the router chose for the (last) completion. */
  routedModel: string;
  /** True when the first answer was refused and the repair round produced this one. */
  repaired: boolean;
}

type Message = JsonCompletionInput<unknown>['messages'][number];

/** One answer, checked: the draft, or why it was refused. */
type Checked =
  | { ok: true; draft: Draft; routedModel: string }
  | { ok: false; reasons: string[]; issues: ValidationIssue[]; content?: string; providers?: string[] };

export class TraceDrafter {
  constructor(private readonly deps: TraceDrafterDeps) {}

  async draft(request: DraftRequest): Promise<DraftResult> {
    const providers = await this.deps.providersFor(request.identity.userId);
    const detailed = pickProviders(request.message, providers);
    const messages: Message[] = [
      { role: 'system', content: draftSystemPrompt(providers, detailed) },
      { role: 'user', content: request.message },
    ];
    const first = await this.attempt(request, messages);
    if (first.ok) return { draft: first.draft, routedModel: first.routedModel, repaired: false };
    // Counts only: the reasons can quote the user's request back.
    request.log.info('trace draft refused; asking for a repair', { reasons: first.reasons.length });
    if (first.content !== undefined) messages.push({ role: 'assistant', content: first.content });
    const used = new Set(first.providers ?? []);
    const added = providers.filter((p) => used.has(p.name) && !detailed.includes(p));
    messages.push({ role: 'user', content: repairPrompt(first.reasons, added) });
    const second = await this.attempt(request, messages);
    if (second.ok) return { draft: second.draft, routedModel: second.routedModel, repaired: true };
    request.log.info('trace draft refused after the repair round', { reasons: second.reasons.length });
    throw new UnprocessableError(
      'The model could not draft a valid automation from this request',
      { reasons: second.reasons, issues: second.issues },
      'draft_invalid',
    );
  }

  private async attempt(request: DraftRequest, messages: readonly Message[]): Promise<Checked> {
    let answer: JsonCompletion<unknown>;
    try {
      answer = await this.deps.complete({
        identity: request.identity,
        model: request.model,
        messages,
        log: request.log,
      });
    } catch (err) {
      // Text that is not JSON is a bad draft the model can fix; every other failure is the upstream's.
      if (err instanceof AppError && err.code === 'llm_invalid_json') {
        const message = 'the answer is not a JSON object';
        return { ok: false, reasons: [message], issues: [{ path: '', message, code: 'invalid_json' }] };
      }
      throw err;
    }
    const parsed = DraftSchema.safeParse(answer.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        code: issue.code,
      }));
      const reasons = issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
      return { ok: false, reasons, issues, content: answer.content };
    }
    try {
      await validatePlanSteps(parsed.data.steps, request.identity.userId, this.deps.catalog);
    } catch (err) {
      const refused = stepIssues(err);
      if (!refused) throw err;
      const providers = parsed.data.steps.map((step) => step.provider);
      return { ok: false, ...refused, content: answer.content, providers };
    }
    return { ok: true, draft: parsed.data, routedModel: answer.routedModel };
  }
}

/** The plan validator's 400, as reasons about the draft (paths without the request's `body.`). */
function stepIssues(err: unknown): { reasons: string[]; issues: ValidationIssue[] } | undefined {
  if (!(err instanceof ValidationError)) return undefined;
  const details = err.details as { issues?: ValidationIssue[]; messages?: string[] } | undefined;
  if (!details?.issues || !details.messages) return undefined;
  return {
    reasons: details.messages,
    issues: details.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^body\./, '') })),
  };
}
