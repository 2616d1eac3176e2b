import { ValidationError } from '../errors';
import { findReferences } from '../engine/templating';
import type { ValidationIssue } from '../http/request';
import { validateStep } from '../providers/validate-step';
import type { ProviderDefinition } from '../providers/types';
import type { PlanStep } from './plan-schema';

/** Where plans find providers: the static registry plus the caller's own `custom_<id>` integrations. */
export interface ProviderCatalog {
  find(name: string, userId: string): Promise<ProviderDefinition | undefined>;
}

/** Values holding a placeholder are typed at run time, so their checks wait until then. */
const isTemplated = (value: string) => findReferences(value).length > 0;

function stepLabel(step: PlanStep, index: number): string {
  return `step "${step.id}" (steps.${index})`;
}

/** Checks every step against the manifests; one 400 lists every problem, naming each step. */
export async function validatePlanSteps(
  steps: readonly PlanStep[],
  userId: string,
  catalog: ProviderCatalog,
): Promise<void> {
  const issues: ValidationIssue[] = [];
  const messages: string[] = [];
  const add = (step: PlanStep, index: number, path: string, message: string, code: string) => {
    issues.push({ path: `body.steps.${index}${path ? `.${path}` : ''}`, message, code });
    messages.push(`${stepLabel(step, index)}: ${message}`);
  };
  const earlier = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const provider = await catalog.find(step.provider, userId);
    if (!provider) {
      add(step, index, 'provider', `unknown provider "${step.provider}"`, 'unknown_provider');
    } else {
      const checked = validateStep(provider, step.action, step.params, { isTemplated });
      if (!checked.success) {
        for (const issue of checked.issues)
          add(step, index, issue.path, `${issue.path}: ${issue.message}`, issue.code);
      }
    }
    for (const ref of findReferences(step.params)) {
      if (ref.kind === 'step' && !earlier.has(ref.stepId)) {
        add(
          step,
          index,
          'params',
          `{{${ref.text}}} refers to step "${ref.stepId}", which does not run before it`,
          'bad_reference',
        );
      }
    }
    earlier.add(step.id);
  }
  if (issues.length > 0) {
    throw new ValidationError(`Invalid plan: ${messages[0]}`, { issues, messages });
  }
}
