import type * as z from 'zod';
import { ValidationError } from '../errors';
import { findReferences } from '../engine/templating';
import type { ValidationIssue } from '../http/request';
import type { ProviderDefinition } from '../providers/types';
import type { PlanStep } from './plan-schema';

/** Where plans find providers: the static registry plus the caller's own `custom_<id>` integrations. */
export interface ProviderCatalog {
  find(name: string, userId: string): Promise<ProviderDefinition | undefined>;
}

const holdsReference = (value: unknown) => findReferences(value).length > 0;

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown }[] {
  const trail: { found: boolean; value: unknown }[] = [{ found: true, value: root }];
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      trail.push({ found: false, value: undefined });
      break;
    }
    current = (current as Record<PropertyKey, unknown>)[key];
    trail.push({ found: true, value: current });
  }
  return trail;
}

/**
 * Params are checked on save against the action's schema, except where a value holds a
 * placeholder: its type is only known at run time, when the resolved params are checked
 * again in full. Missing or unknown keys are always reported.
 */
export function paramIssues(schema: z.ZodType, params: Record<string, unknown>): z.core.$ZodIssue[] {
  const result = schema.safeParse(params);
  if (result.success) return [];
  return result.error.issues.filter((issue) => {
    if (issue.code === 'unrecognized_keys') return true;
    return !valueAt(params, issue.path).some((step) => step.found && holdsReference(step.value));
  });
}

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
    const action = provider
      ? Object.hasOwn(provider.actions, step.action) && provider.actions[step.action]
      : undefined;
    if (!provider) {
      add(step, index, 'provider', `unknown provider "${step.provider}"`, 'unknown_provider');
    } else if (!action) {
      add(
        step,
        index,
        'action',
        `provider "${step.provider}" has no action "${step.action}"`,
        'unknown_action',
      );
    } else {
      for (const issue of paramIssues(action.params, step.params)) {
        const where = issue.path.map(String).join('.');
        add(
          step,
          index,
          ['params', where].filter(Boolean).join('.'),
          `params${where ? `.${where}` : ''}: ${issue.message}`,
          issue.code,
        );
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
