import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { env } from '../config/env';
import type { UpstreamFailureKind } from './backends/upstream-errors';
import type { BackendKind } from './model-config';
import type { SessionOrigin } from './sessions/session-repository';

/** CloudWatch namespace of every gateway metric. */
export const METRICS_NAMESPACE = 'Flowgate';

/** Why a session was opened: the seed-001 monitoring list separates automated creations. */
export type SessionOpenReason = 'automation' | 'manual' | 'model_switch' | 'renewal';

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

interface Entry {
  name: string;
  unit: Unit;
  value: number;
  dimensions: Record<string, string>;
}

let shared: Metrics | undefined;

/** One Powertools instance per container; its buffers are only touched synchronously in flush(). */
function powertools(): Metrics {
  shared ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: env.SERVICE_NAME });
  return shared;
}

/**
 * The metrics of one request, collected as it runs and written as CloudWatch Embedded
 * Metric Format lines when it ends: one line per dimension set. Collecting per request
 * keeps concurrent requests in one process (the local stack) from mixing their data.
 *
 * Metrics (seed 001's monitoring list):
 * - AutomatedSessionCreations (Count; Backend)  sessions the gateway opened by itself
 * - SessionCreations (Count; Backend, Reason)    every session opened, by why
 * - SessionCreationLatency (ms; Backend, Automated)
 * - SessionCreationFailures (Count; Backend, ErrorType)  opens the upstream failed (or timed out)
 * - ChatLatency (ms; Automated | RoutedModel)   whole request, stream included
 * - ChatTimeToFirstByte (ms; Automated | RoutedModel)  streaming only
 * - RoutedRequests (Count; RoutedModel | Automated)    the model distribution
 * - UpstreamErrors (Count; ErrorType)
 * ("A | B": two dimension sets on one line, so each metric exists by A and by B.)
 */
export class RequestMetrics {
  private entries: Entry[] = [];

  sessionOpened(
    backend: BackendKind,
    origin: SessionOrigin,
    reason: SessionOpenReason,
    latencyMs: number,
  ): void {
    const automated = origin === 'automated';
    if (automated) this.add('AutomatedSessionCreations', MetricUnit.Count, 1, { Backend: backend });
    this.add('SessionCreations', MetricUnit.Count, 1, { Backend: backend, Reason: reason });
    this.add('SessionCreationLatency', MetricUnit.Milliseconds, latencyMs, {
      Backend: backend,
      Automated: String(automated),
    });
  }

  /** An open the upstream failed; `UpstreamErrors` counts the same failure by ErrorType alone. */
  sessionOpenFailed(backend: BackendKind, kind: UpstreamFailureKind): void {
    this.add('SessionCreationFailures', MetricUnit.Count, 1, { Backend: backend, ErrorType: kind });
  }

  chatCompleted(automated: boolean, latencyMs: number): void {
    this.add('ChatLatency', MetricUnit.Milliseconds, latencyMs, { Automated: String(automated) });
  }

  firstByte(automated: boolean, latencyMs: number): void {
    this.add('ChatTimeToFirstByte', MetricUnit.Milliseconds, latencyMs, { Automated: String(automated) });
  }

  upstreamError(kind: UpstreamFailureKind): void {
    this.add('UpstreamErrors', MetricUnit.Count, 1, { ErrorType: kind });
  }

  routed(targetId: string): void {
    this.add('RoutedRequests', MetricUnit.Count, 1, { RoutedModel: targetId });
  }

  /**
   * Writes everything collected so far and starts over: one EMF line per dimension set,
   * except that a request's own metrics (by Automated and by RoutedModel) share a single
   * line with two dimension sets, so a warm request costs one log line.
   */
  flush(): void {
    if (this.entries.length === 0) return;
    const groups = new Map<string, Entry[]>();
    for (const entry of this.entries) {
      const key = Object.keys(entry.dimensions).sort().join(',');
      const sameKey = key === 'Automated' || key === 'RoutedModel' ? key : JSON.stringify(entry.dimensions);
      groups.set(sameKey, [...(groups.get(sameKey) ?? []), entry]);
    }
    this.entries = [];
    const metrics = powertools();
    const byAutomated = groups.get('Automated');
    const byModel = groups.get('RoutedModel');
    if (byAutomated && byModel) {
      groups.delete('Automated');
      groups.delete('RoutedModel');
      metrics.addDimension('Automated', byAutomated[0]?.dimensions.Automated ?? '');
      metrics.addDimensions({ RoutedModel: byModel[0]?.dimensions.RoutedModel ?? '' });
      for (const entry of [...byAutomated, ...byModel])
        metrics.addMetric(entry.name, entry.unit, entry.value);
      metrics.publishStoredMetrics();
    }
    for (const group of groups.values()) {
      for (const [name, value] of Object.entries(group[0]?.dimensions ?? {}))
        metrics.addDimension(name, value);
      for (const entry of group) metrics.addMetric(entry.name, entry.unit, entry.value);
      metrics.publishStoredMetrics();
    }
  }

  private add(name: string, unit: Unit, value: number, dimensions: Record<string, string>): void {
    this.entries.push({ name, unit, value: Math.max(0, value), dimensions });
  }
}
