import type * as z from 'zod';
import type { ProviderDefinition } from './types';

export interface StepIssue {
  /** Dotted path inside the step: `action`, or `params.<field>...`. */
  path: string;
  message: string;
  code: string;
}

export type StepValidation =
  | {
      success: true;
      /** The parsed params (defaults applied), or the raw ones when some checks were deferred. */
      params: unknown;
      /** True when a check was skipped because the value is still a placeholder. */
      deferred: boolean;
    }
  | { success: false; issues: StepIssue[] };

export interface ValidateStepOptions {
  /**
   * Plans are validated when saved, before templating: a string that is a placeholder
   * (`{{steps.a.output.n}}`) may become a number or an object at run time. Issues found at
   * (or under) a value this predicate accepts are deferred; the engine validates again,
   * strictly, after templating.
   */
  isTemplated?: (value: string) => boolean;
}

function valueAt(root: unknown, path: readonly PropertyKey[], isTemplated: (v: string) => boolean): boolean {
  let current: unknown = root;
  for (const key of [undefined, ...path]) {
    if (key !== undefined) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return false;
      current = (current as Record<PropertyKey, unknown>)[key];
    }
    if (typeof current === 'string' && isTemplated(current)) return true;
  }
  return false;
}

/**
 * Checks one plan step against its provider's manifest: the action exists and the params
 * match its zod schema. Returns every issue, with paths the plan validator can prefix with
 * the step's id.
 */
export function validateStep(
  provider: ProviderDefinition,
  action: string,
  params: unknown,
  options: ValidateStepOptions = {},
): StepValidation {
  const definition = Object.hasOwn(provider.actions, action) ? provider.actions[action] : undefined;
  if (!definition) {
    const known = Object.keys(provider.actions).join(', ');
    return {
      success: false,
      issues: [
        {
          path: 'action',
          message: `Unknown action '${action}' for provider '${provider.name}' (expected one of: ${known})`,
          code: 'unknown_action',
        },
      ],
    };
  }
  const result = (definition.params as z.ZodType).safeParse(params ?? {});
  if (result.success) return { success: true, params: result.data, deferred: false };
  const isTemplated = options.isTemplated;
  const remaining = isTemplated
    ? result.error.issues.filter((issue) => !valueAt(params, issue.path, isTemplated))
    : result.error.issues;
  if (remaining.length === 0) return { success: true, params, deferred: true };
  return {
    success: false,
    issues: remaining.map((issue) => ({
      path: ['params', ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: issue.code,
    })),
  };
}
