import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { functionGroups } from '../../../infra/routes';
import { FlowgateStack } from '../../../infra/stack';
import { loadStage, stackNameOf } from '../../../infra/stage-config';
import { resourcesOfType, synthFlowgate } from '../synth-flowgate';
import {
  alarm,
  dashboardOf,
  returnedExpression,
  seriesOf,
  type Series,
  type Widget,
} from './observability-support';

let template: Template;
let widgets: Widget[];
beforeAll(() => {
  template = synthFlowgate().template;
  widgets = dashboardOf(template).widgets;
}, 60_000);

const onlyId = (type: string) => {
  const ids = Object.keys(resourcesOfType(template, type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const widget = (title: string) => {
  const found = widgets.filter((w) => w.properties.title === title);
  expect(found).toHaveLength(1);
  return seriesOf(found[0]!);
};
const stage = () => `Ref(${onlyId('AWS::ApiGateway::Stage')})`;
const flowgate = (name: string, dims: Record<string, string> = {}, more: Partial<Series> = {}) =>
  expect.objectContaining({
    namespace: 'Flowgate',
    name,
    dims: { service: 'flowgate-test', ...dims },
    ...more,
  });
const apiMethod = (name: string, method: string, resource: string, more: Partial<Series> = {}) =>
  expect.objectContaining({
    namespace: 'AWS/ApiGateway',
    name,
    dims: { ApiName: 'flowgate-test', Stage: stage(), Method: method, Resource: resource },
    ...more,
  });
const api = (name: string, more: Partial<Series> = {}) =>
  expect.objectContaining({
    namespace: 'AWS/ApiGateway',
    name,
    dims: { ApiName: 'flowgate-test', Stage: stage() },
    ...more,
  });
/** A SEARCH over one Flowgate metric of this stage, with exactly these dimensions. */
const flowgateSearch = (name: string, dims: string[], stat = 'Sum') =>
  `SEARCH('{${['Flowgate', 'service', ...dims].join(',')}} MetricName="${name}" service="flowgate-test"', '${stat}', 300)`;

describe('the stage dashboard', () => {
  it('is named after the stage and has seed 001’s figures and the engine’s, in order', () => {
    expect(dashboardOf(template).name).toBe('flowgate-test');
    expect(widgets.map((w) => w.properties.title)).toEqual([
      undefined, // the header text
      'Alarms',
      'Automation endpoints: server error rate (%)',
      'Automation endpoints: requests and server errors',
      'Session creation failures',
      'Model routing errors',
      'API requests, 4xx and 5xx',
      'Upstream errors by type',
      'Session creation time (ms)',
      'Chat latency with and without automation (ms)',
      'Chat time to first byte, streaming (ms)',
      'API latency (ms)',
      'DynamoDB latency by operation (ms)',
      'DynamoDB throttles and system errors',
      'Automated sessions opened',
      'Adoption: users switching automation on and off (hourly)',
      'Model distribution (requests by routed model)',
      'Chat requests with and without automation',
      'Run outcomes by status and trigger',
      'Abandoned runs and disabled automations',
      'Scheduler dead-letter queue depth',
      'Lambda errors by function group',
      'Lambda throttles by function group',
    ]);
    expect(widgets[0]!.properties.markdown).toMatch(/npm run admin -- flag set/);
  });

  it('shows every alarm’s state', () => {
    const alarms = widgets.find((w) => w.properties.title === 'Alarms')!.properties.alarms!;
    const ids = Object.keys(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));
    expect([...alarms].sort()).toEqual(ids.map((id) => `GetAtt(${id}.Arn)`).sort());
  });

  it('draws the automation error rate the rollback alarm watches, with both thresholds', () => {
    const rate = widget('Automation endpoints: server error rate (%)');
    expect(rate.expressions).toEqual([
      returnedExpression(alarm(template, 'flowgate-test-automation-error-rate-page')),
    ]);
    const annotations = (
      widgets.find((w) => w.properties.title === 'Automation endpoints: server error rate (%)')!
        .properties as {
        annotations?: { horizontal: { value: number; label: string }[] };
      }
    ).annotations!.horizontal;
    expect(annotations.map((a) => [a.value, a.label])).toEqual([
      [1, 'warn'],
      [5, 'roll back'],
    ]);
    expect(widget('Automation endpoints: requests and server errors').metrics).toEqual([
      apiMethod('Count', 'GET', '/api/v1/automation/settings', { stat: 'Sum' }),
      apiMethod('5XXError', 'GET', '/api/v1/automation/settings', { stat: 'Sum' }),
      apiMethod('Count', 'PUT', '/api/v1/automation/settings', { stat: 'Sum' }),
      apiMethod('5XXError', 'PUT', '/api/v1/automation/settings', { stat: 'Sum' }),
      flowgate('ChatRequests', { Automated: 'true' }, { stat: 'Sum' }),
      flowgate('ChatErrors', { Automated: 'true' }, { stat: 'Sum' }),
    ]);
  });

  it('counts session creation failures, routing errors, API errors and upstream errors', () => {
    expect(widget('Session creation failures').expressions).toEqual([
      flowgateSearch('SessionCreationFailures', ['Backend', 'ErrorType']),
    ]);
    expect(widget('Model routing errors').metrics).toEqual([
      flowgate('RoutingErrors', { Outcome: 'fallback' }),
      flowgate('RoutingErrors', { Outcome: 'refused' }),
    ]);
    expect(widget('API requests, 4xx and 5xx').metrics).toEqual([
      api('Count', { stat: 'Sum' }),
      api('4XXError', { stat: 'Sum' }),
      api('5XXError', { stat: 'Sum' }),
    ]);
    expect(widget('Upstream errors by type').expressions).toEqual([
      flowgateSearch('UpstreamErrors', ['ErrorType']),
    ]);
  });

  it('times session creation, chat with and without automation, the API and DynamoDB', () => {
    expect(widget('Session creation time (ms)').expressions).toEqual([
      flowgateSearch('SessionCreationLatency', ['Backend', 'Automated'], 'p50'),
      flowgateSearch('SessionCreationLatency', ['Backend', 'Automated'], 'p99'),
    ]);
    for (const name of ['ChatLatency', 'ChatTimeToFirstByte']) {
      const title =
        name === 'ChatLatency'
          ? 'Chat latency with and without automation (ms)'
          : 'Chat time to first byte, streaming (ms)';
      expect(widget(title).metrics).toEqual([
        flowgate(name, { Automated: 'true' }, { stat: 'p50' }),
        flowgate(name, { Automated: 'true' }, { stat: 'p99' }),
        flowgate(name, { Automated: 'false' }, { stat: 'p50' }),
        flowgate(name, { Automated: 'false' }, { stat: 'p99' }),
      ]);
    }
    expect(widget('API latency (ms)').metrics).toEqual([
      api('Latency', { stat: 'p50' }),
      api('Latency', { stat: 'p99' }),
      apiMethod('Latency', 'POST', '/api/v1/chat/completions', { stat: 'p99' }),
      apiMethod('Latency', 'POST', '/api/v1/completions', { stat: 'p99' }),
      apiMethod('Latency', 'POST', '/api/v1/responses', { stat: 'p99' }),
    ]);
    const table = `Ref(${onlyId('AWS::DynamoDB::Table')})`;
    const dynamo = (metric: string, stat: string) =>
      `SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName="${metric}" TableName="${table}"', '${stat}', 300)`;
    expect(widget('DynamoDB latency by operation (ms)').expressions).toEqual([
      dynamo('SuccessfulRequestLatency', 'Average'),
    ]);
    expect(widget('DynamoDB throttles and system errors').expressions).toEqual([
      dynamo('ThrottledRequests', 'Sum'),
      dynamo('SystemErrors', 'Sum'),
    ]);
  });

  it('shows automated sessions, adoption, the model distribution and chat with and without automation', () => {
    expect(widget('Automated sessions opened').expressions).toEqual([
      flowgateSearch('AutomatedSessionCreations', ['Backend']),
      flowgateSearch('SessionCreations', ['Backend', 'Reason']),
    ]);
    const adoption = widget('Adoption: users switching automation on and off (hourly)');
    expect(adoption.metrics).toEqual([
      flowgate('AutomationSettingsChanged', { Change: 'enabled' }, { period: 3600 }),
      flowgate('AutomationSettingsChanged', { Change: 'disabled' }, { period: 3600 }),
    ]);
    expect(adoption.expressions).toEqual(['RUNNING_SUM(FILL(enabled, 0) - FILL(disabled, 0))']);
    expect(widget('Model distribution (requests by routed model)').expressions).toEqual([
      flowgateSearch('RoutedRequests', ['RoutedModel']),
    ]);
    expect(widget('Chat requests with and without automation').metrics).toEqual([
      flowgate('ChatRequests', { Automated: 'true' }),
      flowgate('ChatRequests', { Automated: 'false' }),
    ]);
  });

  it('shows run outcomes, abandoned runs, disabled automations and the dead-letter queue', () => {
    expect(widget('Run outcomes by status and trigger').expressions).toEqual([
      flowgateSearch('RunsFinished', ['Status', 'Trigger']),
    ]);
    expect(widget('Abandoned runs and disabled automations').metrics).toEqual([
      flowgate('AbandonedRuns', {}, { stat: 'Sum' }),
      flowgate('ScheduledAutomationDisabled', {}, { stat: 'Sum' }),
    ]);
    const queue = `GetAtt(${onlyId('AWS::SQS::Queue')}.QueueName)`;
    expect(widget('Scheduler dead-letter queue depth').metrics).toEqual([
      expect.objectContaining({
        namespace: 'AWS/SQS',
        name: 'ApproximateNumberOfMessagesVisible',
        dims: { QueueName: queue },
      }),
      expect.objectContaining({
        namespace: 'AWS/SQS',
        name: 'ApproximateAgeOfOldestMessage',
        dims: { QueueName: queue },
      }),
    ]);
  });

  it.each([
    ['Lambda errors by function group', 'Errors'],
    ['Lambda throttles by function group', 'Throttles'],
  ])('%s: one line per group over all its functions', (title, metric) => {
    const { metrics, expressions } = widget(title);
    expect(expressions).toHaveLength(Object.keys(functionGroups).length);
    const names = Object.values(functionGroups).flatMap((defs) => defs.map((d) => `Ref(${d.name})`));
    expect(metrics.map((m) => [m.namespace, m.name])).toEqual(names.map(() => ['AWS/Lambda', metric]));
    expect(metrics.map((m) => m.dims.FunctionName)).toEqual(names);
  });
});

describe('two stages', () => {
  it('share no alarm, dashboard or topic name, and each name carries its stage', () => {
    // Both stacks in one app, as one account and region would hold them; synthesized together.
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stacks = ['dev', 'prod'].map((name) => {
      const loaded = loadStage(name);
      return new FlowgateStack(app, stackNameOf(loaded.config), { stage: loaded });
    });
    const [dev, prod] = stacks.map((stack) => {
      const t = Template.fromStack(stack);
      return [
        ...Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName),
        ...Object.values(resourcesOfType(t, 'AWS::CloudWatch::Dashboard')).map(
          (d) => d.Properties.DashboardName,
        ),
        ...Object.values(resourcesOfType(t, 'AWS::SNS::Topic')).map((d) => d.Properties.TopicName),
      ] as string[];
    }) as [string[], string[]];
    expect(dev.length).toBeGreaterThan(20);
    expect(prod).toHaveLength(dev.length);
    expect(dev.filter((n) => prod.includes(n))).toEqual([]);
    for (const n of dev) expect(n).toMatch(/^flowgate-dev(-|$)/);
    for (const n of prod) expect(n).toMatch(/^flowgate-prod(-|$)/);
  }, 120_000);
});
