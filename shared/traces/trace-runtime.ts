import { auditLog } from '../audit/audit-log';
import { defaultRepositoryDeps } from '../clients/dynamodb';
import { engineRuntime } from '../engine/runtime';
import { integrationSource } from '../engine/integration-source';
import { completeJson } from '../gateway/chat/json-completion';
import { gateway } from '../gateway/gateway';
import { listProvidersFor } from '../providers/registry';
import { defaultSchedulingService } from '../scheduling/scheduler-wiring';
import type { SchedulingService } from '../scheduling/scheduling-service';
import { TraceDrafter } from './trace-drafter';
import { TraceRepository } from './trace-repository';
import { TraceService } from './trace-service';

/**
 * The trace routes' wiring: the engine's catalogue and run service, the gateway's chat
 * service for drafting, and the scheduling service, each built on first use (once per
 * cold start) so a route only constructs what it calls. Nothing here does I/O.
 */
export function buildTraceService(): TraceService {
  const engine = engineRuntime();
  const integrations = integrationSource();
  let scheduling: SchedulingService | undefined;
  return new TraceService({
    traces: new TraceRepository(defaultRepositoryDeps()),
    runs: engine.runRepository,
    startRun: (input, window) => engine.runs.startHere(input, window),
    catalog: engine.catalog,
    drafter: new TraceDrafter({
      complete: (input) => completeJson(gateway().chat, input),
      catalog: engine.catalog,
      providersFor: (userId) => listProvidersFor(userId, { integrations }),
    }),
    scheduling: () => (scheduling ??= defaultSchedulingService()),
    audit: auditLog,
  });
}

let cached: TraceService | undefined;

export function traceService(): TraceService {
  cached ??= buildTraceService();
  return cached;
}
