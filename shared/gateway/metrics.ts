import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { env } from '../config/env';
import { AppError } from '../errors';
import type { UpstreamFailureKind } from './backends/upstream-errors';
import {
  GATEWAY_METRICS as M,
  GATEWAY_DIMENSIONS as D,
  type RoutingOutcome,
  type SessionCloseReason,
  type SettingsChange,
} from './metric-names';
import type { BackendKind } from './model-config';
import type { ModelRouter, RoutedModel } from './model-router';
import type { SessionOrigin } from './sessions/session-repository';

/** CloudWatch namespace of every gateway metric. */
export const METRICS_NAMESPACE = M.namespace;

/** Why a session was opened: the seed-001 monitoring list separates automated creations. */
export type SessionOpenReason = 'automation' | 'manual' | 'renewal';

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
 * - SessionsClosed (Count; Reason)              request, replaced, idle, expired, lease_lost
 * - ChatLatency (ms; Automated | RoutedModel)   whole request, stream included
 * - ChatTimeToFirstByte (ms; Automated | RoutedModel)  streaming only
 * - RoutedRequests (Count; RoutedModel | Automated)    the model distribution
 * - ChatRequests, ChatErrors (Count; Automated | RoutedModel)  the automated path's error rate
 * - RoutingErrors (Count; Outcome)              model names the router did not know
 * - UpstreamErrors (Count; ErrorType)
 * - ModelFallbacks (Count; FallbackFrom)        a target failed and the mapping's next one was tried
 * - AutomationSettingsChanged (Count; Change)   adoption: users switching automation on or off
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
    if (automated) this.add(M.automatedSessionCreations, MetricUnit.Count, 1, { [D.backend]: backend });
    this.add(M.sessionCreations, MetricUnit.Count, 1, { [D.backend]: backend, [D.reason]: reason });
    this.add(M.sessionCreationLatency, MetricUnit.Milliseconds, latencyMs, {
      [D.backend]: backend,
      [D.automated]: String(automated),
    });
  }

  /** An open the upstream failed; `UpstreamErrors` counts the same failure by ErrorType alone. */
  sessionOpenFailed(backend: BackendKind, kind: UpstreamFailureKind): void {
    this.add(M.sessionCreationFailures, MetricUnit.Count, 1, { [D.backend]: backend, [D.errorType]: kind });
  }

  sessionClosed(reason: SessionCloseReason): void {
    this.add(M.sessionsClosed, MetricUnit.Count, 1, { [D.reason]: reason });
  }

  chatCompleted(automated: boolean, latencyMs: number): void {
    this.add(M.chatLatency, MetricUnit.Milliseconds, latencyMs, { [D.automated]: String(automated) });
  }

  firstByte(automated: boolean, latencyMs: number): void {
    this.add(M.chatTimeToFirstByte, MetricUnit.Milliseconds, latencyMs, { [D.automated]: String(automated) });
  }

  upstreamError(kind: UpstreamFailureKind): void {
    this.add(M.upstreamErrors, MetricUnit.Count, 1, { [D.errorType]: kind });
  }

  fellBack(fromTargetId: string): void {
    this.add(M.modelFallbacks, MetricUnit.Count, 1, { [D.fallbackFrom]: fromTargetId });
  }

  routed(targetId: string): void {
    this.add(M.routedRequests, MetricUnit.Count, 1, { [D.routedModel]: targetId });
  }

  /**
   * One chat request ended, on the automated path (it used or opened an automated session)
   * or not. `failed`: the server's fault (5xx, or an error event mid-stream); client errors
   * are not failures. With ChatRequests this gives the automated path's error rate.
   */
  chatEnded(automated: boolean, failed: boolean): void {
    const dimensions = { [D.automated]: String(automated) };
    this.add(M.chatRequests, MetricUnit.Count, 1, dimensions);
    if (failed) this.add(M.chatErrors, MetricUnit.Count, 1, dimensions);
  }

  /** A model name the router did not know. The name is not a dimension: callers choose it, unbounded. */
  routingMissed(outcome: RoutingOutcome): void {
    this.add(M.routingErrors, MetricUnit.Count, 1, { [D.outcome]: outcome });
  }

  /** A user switched automation on or off (a write that leaves it as it was is no change). */
  automationSwitched(change: SettingsChange): void {
    this.add(M.automationSettingsChanged, MetricUnit.Count, 1, { [D.change]: change });
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

/** Is this failure the server's (a 5xx), as opposed to the caller's? */
export function isServerFailure(err: unknown): boolean {
  return !(err instanceof AppError) || err.statusCode >= 500;
}

/**
 * Routes a requested model name and counts it: RoutedRequests by target, and RoutingErrors
 * when the name was unknown (sent to `default`, or refused in strict mode).
 */
export function routeCounted(router: ModelRouter, requested: string, metrics: RequestMetrics): RoutedModel {
  let routed: RoutedModel;
  try {
    routed = router.route(requested);
  } catch (err) {
    metrics.routingMissed('refused');
    throw err;
  }
  metrics.routed(routed.target.id);
  if (routed.viaDefault) metrics.routingMissed('fallback');
  return routed;
}
