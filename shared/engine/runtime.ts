import { defaultRepositoryDeps } from '../clients/dynamodb';
import { env } from '../config/env';
import { CredentialRepository } from '../credentials/credential-repository';
import { CredentialService } from '../credentials/credential-service';
import { removePlanSchedule } from '../deployment/plan-schedule-hook';
import { logger } from '../logger';
import { outboundHttp } from '../net/outbound-http';
import { PlanRepository } from '../plans/plan-repository';
import { PlanService, type PlanDeletionHook } from '../plans/plan-service';
import type { ProviderCatalog } from '../plans/plan-validation';
import { providerCatalog } from '../plans/provider-catalog';
import type { CustomIntegrationSource } from '../providers/registry';
import type { AsyncInvoker } from '../runtime/adapters';
import { RunRepository } from '../runs/run-repository';
import { RunService } from '../runs/run-service';
import type { RunRecord } from '../runs/run-types';
import { emfScheduledRunMetrics } from '../scheduling/scheduled-run-metrics';
import { WebhookRepository } from '../webhooks/webhook-repository';
import { WebhookService } from '../webhooks/webhook-service';
import { systemClock } from './clock';
import { executionInvoker, keyManagement } from './edges';
import { integrationSource } from './integration-source';

/**
 * The engine's wiring for one function: repositories on the cached DynamoDB client,
 * services on top. Built on first use, once per cold start; nothing here does I/O.
 */
export interface EngineRuntime {
  catalog: ProviderCatalog;
  plans: PlanService;
  planRepository: PlanRepository;
  credentials: CredentialService;
  runs: RunService;
  runRepository: RunRepository;
  webhooks: WebhookService;
}

/** What else goes when a plan is deleted: its schedule (the plan's webhook goes with the plan item). */
const planDeletionHooks: PlanDeletionHook[] = [removePlanSchedule];

export interface EngineRuntimeOptions {
  integrations?: CustomIntegrationSource;
  /** Who continues a run after a hand-off; the execution function passes one that targets itself. */
  invoker?: () => AsyncInvoker;
  /** Told of every run that ends in this function (the execution function counts scheduled failures). */
  onRunFinished?: (run: RunRecord) => Promise<void>;
}

export function buildEngineRuntime(options: EngineRuntimeOptions = {}): EngineRuntime {
  const integrations = options.integrations ?? integrationSource();
  const deps = defaultRepositoryDeps();
  const planRepository = new PlanRepository(deps);
  const webhookRepository = new WebhookRepository(deps);
  const credentialRepository = new CredentialRepository(deps);
  const runRepository = new RunRepository(deps, env.AUTOMATION_RETENTION_DAYS);
  const catalog = providerCatalog(integrations);
  return {
    catalog,
    plans: new PlanService(planRepository, webhookRepository, catalog, planDeletionHooks),
    planRepository,
    credentials: new CredentialService(credentialRepository, keyManagement, catalog),
    runs: new RunService({
      runs: runRepository,
      catalog,
      credentials: credentialRepository,
      keyManagement,
      http: outboundHttp,
      invoker: options.invoker ?? executionInvoker,
      clock: systemClock,
      log: logger,
      limits: {
        defaultTimeoutMs: env.STEP_TIMEOUT_MS,
        outputMaxBytes: env.STEP_OUTPUT_MAX_BYTES,
        resultsMaxBytes: env.RUN_RESULTS_MAX_BYTES,
      },
      maxDurationMs: env.RUN_MAX_DURATION_MS,
      leaseMs: env.RUN_LEASE_MS,
      outcomes: emfScheduledRunMetrics(),
      ...(options.onRunFinished ? { onFinished: options.onRunFinished } : {}),
    }),
    runRepository,
    webhooks: new WebhookService(planRepository, webhookRepository, keyManagement),
  };
}

let cached: EngineRuntime | undefined;

export function engineRuntime(): EngineRuntime {
  cached ??= buildEngineRuntime();
  return cached;
}
