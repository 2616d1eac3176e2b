import { Logger } from '../../../shared/logger';
import { GuardedHttp, type GuardedHttpOptions } from '../../../shared/net/outbound-http';
import { validateStep } from '../../../shared/providers/registry';
import type { ActionContext, ProviderDefinition, ProviderResult } from '../../../shared/providers/types';

/** The outbound client as tests use it: the real guard, with the fakes' loopback allowlisted. */
export function loopbackHttp(options: GuardedHttpOptions = {}): GuardedHttp {
  return new GuardedHttp({ allowCidrs: '127.0.0.0/8,::1/128', ...options });
}

export function actionContext(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    userId: 'user-1',
    runId: 'run_0001',
    stepId: 'step-1',
    http: loopbackHttp(),
    signal: new AbortController().signal,
    log: new Logger({}, 'silent'),
    ...overrides,
  };
}

/** What the engine does with a step: validate the params against the manifest, then execute. */
export async function runAction(
  provider: ProviderDefinition,
  action: string,
  params: unknown,
  ctx: Partial<ActionContext> = {},
): Promise<ProviderResult> {
  const checked = validateStep(provider, action, params);
  if (!checked.success) throw new Error(`invalid params: ${JSON.stringify(checked.issues)}`);
  return provider.actions[action]!.execute(checked.params, actionContext(ctx));
}
