import type { KeyManagement } from '../crypto/key-management';
import type { SchedulerPort } from '../scheduling/scheduler-port';
import type { UpstreamSecrets } from '../secrets/upstream-secrets';

/** Starts the execution function without waiting for it (Lambda `Event` invocation in AWS). */
export interface AsyncInvoker {
  invoke(payload: unknown): Promise<void>;
}

/** The edges that differ between AWS and the local stack. */
export interface AdapterFactories {
  keyManagement: () => KeyManagement;
  scheduler: () => SchedulerPort;
  executionInvoker: () => AsyncInvoker;
  /** The gateway's upstream API key and router password: Secrets Manager, or the local environment. */
  secrets: () => UpstreamSecrets;
}

const installed: Partial<AdapterFactories> = {};

/**
 * The local stack (and `npm run invoke`) install their stand-ins here before any handler
 * loads; in AWS nothing is installed and each handler gets the AWS adapter it names.
 * Product code never imports a local stand-in, so none is bundled into a Lambda.
 */
export function installAdapters(factories: Partial<AdapterFactories>): void {
  Object.assign(installed, factories);
}

export function resolveAdapter<K extends keyof AdapterFactories>(
  name: K,
  awsDefault: AdapterFactories[K],
): ReturnType<AdapterFactories[K]> {
  const factory = (installed[name] ?? awsDefault) as AdapterFactories[K];
  return factory() as ReturnType<AdapterFactories[K]>;
}
