import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { GATEWAY_DIMENSIONS, GATEWAY_METRICS } from '../../shared/gateway/metric-names';
import type { RouteDef } from '../routes';

/** The period of every alarm and of the dashboard's graphs unless one says otherwise. */
export const PERIOD = Duration.minutes(5);

/** What names one stage's metrics: the Powertools `service` and the REST API's name and stage. */
export interface MetricScope {
  /** `flowgate-<stage>`: the `service` dimension Powertools adds to every Flowgate metric. */
  serviceName: string;
  /** The REST API's name (ApiName dimension). */
  apiName: string;
  /** The deployed stage's name (Stage dimension); a token of the stage resource. */
  stageName: string;
}

/**
 * The metrics the dashboard and alarms read, built one way: Flowgate's own EMF metrics
 * (namespace Flowgate, always with the stage's `service`), and API Gateway's metrics for
 * the whole API or for one route's method (the stage enables per-method metrics).
 */
export class StageMetrics {
  constructor(readonly scope: MetricScope) {}

  /** A Flowgate metric with exactly these dimensions besides `service`. */
  flowgate(metricName: string, dimensions: Record<string, string> = {}, statistic = cloudwatch.Stats.SUM) {
    return new cloudwatch.Metric({
      namespace: GATEWAY_METRICS.namespace,
      metricName,
      dimensionsMap: { service: this.scope.serviceName, ...dimensions },
      statistic,
      period: PERIOD,
    });
  }

  /**
   * Every series of a Flowgate metric whose dimension values are open-ended (models, error
   * kinds, backends): a SEARCH, so a new value shows up without a deploy. Graphs only; an
   * alarm cannot watch a SEARCH.
   */
  flowgateSearch(metricName: string, dimensions: readonly string[], statistic = 'Sum') {
    const schema = ['Flowgate', 'service', ...dimensions].join(',');
    return search(
      `{${schema}} MetricName="${metricName}" service="${this.scope.serviceName}"`,
      statistic,
      seriesLabel(dimensions, statistic),
    );
  }

  /** API Gateway's metric for the whole stage. */
  api(metricName: string, statistic: string) {
    return new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiName: this.scope.apiName, Stage: this.scope.stageName },
      statistic,
      period: PERIOD,
    });
  }

  /** API Gateway's metric for one route's method: what callers of that route saw. */
  apiMethod(metricName: string, route: RouteDef, statistic: string) {
    return new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: {
        ApiName: this.scope.apiName,
        Stage: this.scope.stageName,
        Method: route.method,
        Resource: route.path,
      },
      statistic,
      period: PERIOD,
      label: `${route.method} ${route.path}`,
    });
  }

  /** The gateway's chat requests and failures on the automated path (or off it). */
  chatPath(automated: boolean) {
    const dims = { [GATEWAY_DIMENSIONS.automated]: String(automated) };
    return {
      requests: this.flowgate(GATEWAY_METRICS.chatRequests, dims),
      errors: this.flowgate(GATEWAY_METRICS.chatErrors, dims),
    };
  }
}

/** A dynamic label naming each series of a SEARCH by its dimension values, and the statistic. */
export const seriesLabel = (dimensions: readonly string[], statistic: string) =>
  [...dimensions.map((d) => `\${PROP('Dim.${d}')}`), statistic].join(' ');

export function search(query: string, statistic: string, label: string, period = PERIOD) {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('${query}', '${statistic}', ${period.toSeconds()})`,
    usingMetrics: {},
    period,
    label,
  });
}

/** `FILL(a, 0) + FILL(b, 0) …`: a sum that a quiet metric (no data this period) does not blank out. */
export const sumOf = (ids: readonly string[]) => ids.map((id) => `FILL(${id}, 0)`).join(' + ');

/** Metric-math ids: a lower-case letter first. */
const ids = (prefix: string, metrics: readonly IMetric[]) =>
  Object.fromEntries(metrics.map((m, i) => [`${prefix}${i}`, m]));

/**
 * The sum of several metrics as one series, zero where none has data. `idPrefix` keeps ids
 * apart when one graph draws several totals.
 */
export function total(metrics: readonly IMetric[], label: string, idPrefix = 'm', period = PERIOD) {
  const using = ids(idPrefix, metrics);
  return new cloudwatch.MathExpression({
    expression: sumOf(Object.keys(using)),
    usingMetrics: using,
    label,
    period,
  });
}

/**
 * errors / requests × 100, summed over several sources, and 0 while fewer than
 * `minRequests` requests came in: one failure out of three requests is not an incident.
 */
export function errorRatePercent(
  errors: readonly IMetric[],
  requests: readonly IMetric[],
  options: { minRequests: number; label: string },
) {
  const e = ids('e', errors);
  const r = ids('r', requests);
  const req = `(${sumOf(Object.keys(r))})`;
  return new cloudwatch.MathExpression({
    expression: `IF(${req} >= ${options.minRequests}, 100 * (${sumOf(Object.keys(e))}) / ${req}, 0)`,
    usingMetrics: { ...e, ...r },
    label: options.label,
    period: PERIOD,
  });
}

/**
 * The share (%) of requests slower than `thresholdMs`, leaving out some routes: whole-API
 * percentiles cannot exclude a method, but percentile ranks times counts can be subtracted.
 * `PR(:t)` is the percentage of requests at or under t, so requests × (100 − PR) / 100 of
 * them were slower. The share is over 1 exactly when the p99 of the rest is over t.
 */
export function slowSharePercent(
  metrics: StageMetrics,
  excluded: readonly RouteDef[],
  options: { thresholdMs: number; minRequests: number; label: string },
) {
  const rank = cloudwatch.Stats.percentileRank(options.thresholdMs);
  const using: Record<string, IMetric> = {
    all: metrics.api('Count', cloudwatch.Stats.SUM),
    allFast: metrics.api('Latency', rank),
  };
  excluded.forEach((route, i) => {
    using[`x${i}`] = metrics.apiMethod('Count', route, cloudwatch.Stats.SUM);
    using[`x${i}Fast`] = metrics.apiMethod('Latency', route, rank);
  });
  const slow = (count: string) => `FILL(${count}, 0) * (100 - FILL(${count}Fast, 100)) / 100`;
  const rest = ['FILL(all, 0)', ...excluded.map((_, i) => `FILL(x${i}, 0)`)].join(' - ');
  const slowRest = [slow('all'), ...excluded.map((_, i) => slow(`x${i}`))].join(' - ');
  return new cloudwatch.MathExpression({
    expression: `IF((${rest}) >= ${options.minRequests}, 100 * (${slowRest}) / (${rest}), 0)`,
    usingMetrics: using,
    label: options.label,
    period: PERIOD,
  });
}
