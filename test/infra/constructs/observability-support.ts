import type { Template } from 'aws-cdk-lib/assertions';
import { resourcesOfType } from '../synth-flowgate';

/** One entry of an alarm's Metrics (metric math alarms). */
export interface AlarmQuery {
  Id: string;
  Expression?: string;
  ReturnData?: boolean;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: unknown }[] };
    Period: number;
    Stat: string;
  };
}

export type AlarmProps = Record<string, unknown> & { AlarmName: string; Metrics?: AlarmQuery[] };

export function alarmsByName(template: Template): Map<string, AlarmProps> {
  return new Map(
    Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map((a) => {
      const props = a.Properties as AlarmProps;
      return [props.AlarmName, props];
    }),
  );
}

export function alarm(template: Template, name: string): AlarmProps {
  const found = alarmsByName(template).get(name);
  if (!found) throw new Error(`No alarm ${name}; have ${[...alarmsByName(template).keys()].join(', ')}`);
  return found;
}

/** The metric-stat queries of a metric-math alarm, by id. */
export function statsOf(props: AlarmProps): Map<string, NonNullable<AlarmQuery['MetricStat']>> {
  return new Map((props.Metrics ?? []).filter((q) => q.MetricStat).map((q) => [q.Id, q.MetricStat!]));
}

/** The one expression the alarm watches. */
export function returnedExpression(props: AlarmProps): string {
  const returned = (props.Metrics ?? []).filter((q) => q.ReturnData !== false && q.Expression);
  if (returned.length !== 1) throw new Error(`${props.AlarmName}: expected one returned expression`);
  return returned[0]!.Expression!;
}

export const dims = (stat: NonNullable<AlarmQuery['MetricStat']>) =>
  Object.fromEntries(stat.Metric.Dimensions.map((d) => [d.Name, d.Value]));

/**
 * Evaluates a metric-math expression for one period, as CloudWatch would: FILL replaces a
 * missing value, IF picks a branch. The syntax the stack uses (+ - * / >= and calls) is
 * JavaScript's too, so a missing metric is `undefined` and the rest is arithmetic.
 */
export function evaluate(expression: string, values: Record<string, number | undefined>): number {
  const ids = Object.keys(values);
  const fn = new Function('IF', 'FILL', ...ids, `return (${expression});`) as (...args: unknown[]) => number;
  const IF = (condition: boolean, then: number, otherwise: number) => (condition ? then : otherwise);
  const FILL = (value: number | undefined, fallback: number) => value ?? fallback;
  return fn(IF, FILL, ...ids.map((id) => values[id]));
}

export interface Widget {
  type: string;
  properties: { title?: string; metrics?: unknown[][]; markdown?: string; alarms?: unknown[] };
}

/**
 * The dashboard body as JSON: CloudFormation joins it from strings and references, which
 * come back here as `Ref(<id>)` and `GetAtt(<id>.<attr>)`, so tests can name them.
 */
export function dashboardOf(template: Template): { name: string; widgets: Widget[] } {
  const [dashboard] = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Dashboard'));
  if (!dashboard) throw new Error('No dashboard');
  const body = dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      if (ref) return `Ref(${ref})`;
      const att = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      if (att) return `GetAtt(${att[0]}.${att[1]})`;
      throw new Error(`Unexpected part ${JSON.stringify(part)}`);
    })
    .join('');
  return {
    name: dashboard.Properties.DashboardName as string,
    widgets: (JSON.parse(text) as { widgets: Widget[] }).widgets,
  };
}

export interface Series {
  namespace: string;
  name: string;
  dims: Record<string, unknown>;
  stat?: string;
  period?: number;
}

/** A graph's plain metrics (with their statistic and period) and its expressions as written. */
export function seriesOf(widget: Widget): { metrics: Series[]; expressions: string[] } {
  const metrics: Series[] = [];
  const expressions: string[] = [];
  for (const row of widget.properties.metrics ?? []) {
    const options = (row.find((v) => typeof v === 'object' && v !== null) ?? {}) as {
      expression?: string;
      stat?: string;
      period?: number;
    };
    if (options.expression !== undefined) {
      expressions.push(options.expression);
      continue;
    }
    const [namespace, name, ...pairs] = row.filter((v) => typeof v === 'string') as string[];
    const d: Record<string, unknown> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) d[pairs[i]!] = pairs[i + 1];
    metrics.push({
      namespace: namespace!,
      name: name!,
      dims: d,
      ...(options.stat ? { stat: options.stat } : {}),
      ...(options.period ? { period: options.period } : {}),
    });
  }
  return { metrics, expressions };
}
