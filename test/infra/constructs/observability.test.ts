import type { Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { groupFunctions, UNGROUPED } from '../../../infra/constructs/observability';
import { MAX_ALARM_METRICS } from '../../../infra/constructs/observability-alarms';
import { allFunctions, functionGroups } from '../../../infra/routes';
import { resourcesOfType, synthFlowgate, testStage } from '../synth-flowgate';
import {
  alarm,
  alarmsByName,
  dims,
  evaluate,
  returnedExpression,
  statsOf,
  type AlarmProps,
} from './observability-support';

let template: Template;
beforeAll(() => {
  template = synthFlowgate().template;
}, 60_000);

const onlyId = (t: Template, type: string) => {
  const ids = Object.keys(resourcesOfType(t, type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const stageRef = () => ({ Ref: onlyId(template, 'AWS::ApiGateway::Stage') });
const topicRef = () => ({ Ref: onlyId(template, 'AWS::SNS::Topic') });

/** The ids of an alarm's queries, by what they are: `<MetricName> <Method or Automated>`. */
function idsByMeaning(props: AlarmProps): Record<string, string> {
  return Object.fromEntries(
    [...statsOf(props)].map(([id, stat]) => {
      const d = dims(stat);
      return [`${stat.Metric.MetricName} ${String(d.Method ?? d.Automated)}`, id];
    }),
  );
}

const PAGING = ['automation-error-rate-page', 'api-5xx-rate'];
const WARNING = [
  'automation-error-rate-warn',
  'api-p99-latency',
  'scheduler-dlq-depth',
  'scheduled-automation-disabled',
];

describe('alarm topic', () => {
  it('is one topic per stage, TLS only, that this account’s CloudWatch alarms may publish to', () => {
    const [topic] = Object.values(resourcesOfType(template, 'AWS::SNS::Topic'));
    expect(topic!.Properties.TopicName).toBe('flowgate-test-alarms');
    const [policy] = Object.values(resourcesOfType(template, 'AWS::SNS::TopicPolicy'));
    const statements = (policy!.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: topicRef(),
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnLike: {
              'aws:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':cloudwatch:',
                    { Ref: 'AWS::Region' },
                    ':',
                    { Ref: 'AWS::AccountId' },
                    ':alarm:flowgate-test-*',
                  ],
                ],
              },
            },
          },
        }),
      ]),
    );
  });

  it('has no subscription unless the stage names an address', () => {
    expect(resourcesOfType(template, 'AWS::SNS::Subscription')).toEqual({});
  });

  it('subscribes the stage’s alarmEmail', () => {
    const t = synthFlowgate({ stage: testStage({ alarmEmail: 'ops@example.com' }) }).template;
    const subscriptions = Object.values(resourcesOfType(t, 'AWS::SNS::Subscription'));
    expect(subscriptions.map((s) => s.Properties)).toEqual([
      { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: onlyId(t, 'AWS::SNS::Topic') } },
    ]);
  }, 60_000);
});

describe('every alarm', () => {
  it('is named after the stage and notifies the topic; paging ones also when they clear', () => {
    const alarms = alarmsByName(template);
    const lambda = [...alarms.keys()].filter((n) => /^flowgate-test-lambda-(errors|throttles)-/.test(n));
    expect([...alarms.keys()].sort()).toEqual(
      [...PAGING, ...WARNING]
        .map((n) => `flowgate-test-${n}`)
        .concat(lambda)
        .sort(),
    );
    for (const [name, props] of alarms) {
      expect([name, props.AlarmActions]).toEqual([name, [topicRef()]]);
      const paging = PAGING.some((p) => name === `flowgate-test-${p}`) || name.includes('-lambda-errors-');
      expect([name, props.OKActions]).toEqual([name, paging ? [topicRef()] : undefined]);
      expect(props.TreatMissingData).toBe('notBreaching');
      // The scheduled-run alarm keeps its own description (infra/constructs/scheduled-run-alarm.ts).
      if (!name.endsWith('-scheduled-automation-disabled'))
        expect([name, props.AlarmDescription]).toEqual([
          name,
          expect.stringMatching(paging ? /^\[page\]/ : /^\[warn\]/),
        ]);
    }
  });
});

describe('automation endpoints error rate', () => {
  it.each([
    ['warn', 1, 3, 3],
    ['page', 5, 3, 2],
  ])('%s: over %d%% in %d periods (%d to alarm) of five minutes', (level, threshold, periods, toAlarm) => {
    const props = alarm(template, `flowgate-test-automation-error-rate-${level}`);
    expect(props).toMatchObject({
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: periods,
      DatapointsToAlarm: toAlarm,
    });
  });

  it('reads the settings routes from API Gateway per method and chat’s automated path from the gateway', () => {
    const stats = [...statsOf(alarm(template, 'flowgate-test-automation-error-rate-page')).values()];
    const settings = (metric: string, method: string) => ({
      Metric: {
        Namespace: 'AWS/ApiGateway',
        MetricName: metric,
        Dimensions: [
          { Name: 'ApiName', Value: 'flowgate-test' },
          { Name: 'Method', Value: method },
          { Name: 'Resource', Value: '/api/v1/automation/settings' },
          { Name: 'Stage', Value: stageRef() },
        ],
      },
      Period: 300,
      Stat: 'Sum',
    });
    const chat = (metric: string) => ({
      Metric: {
        Namespace: 'Flowgate',
        MetricName: metric,
        Dimensions: [
          { Name: 'Automated', Value: 'true' },
          { Name: 'service', Value: 'flowgate-test' },
        ],
      },
      Period: 300,
      Stat: 'Sum',
    });
    expect(stats).toHaveLength(6);
    expect(stats).toEqual(
      expect.arrayContaining([
        settings('5XXError', 'GET'),
        settings('5XXError', 'PUT'),
        settings('Count', 'GET'),
        settings('Count', 'PUT'),
        chat('ChatErrors'),
        chat('ChatRequests'),
      ]),
    );
  });

  it('is errors over requests in percent, and 0 below 20 requests in a period', () => {
    const props = alarm(template, 'flowgate-test-automation-error-rate-page');
    const id = idsByMeaning(props);
    const expression = returnedExpression(props);
    const rate = (v: Record<string, number | undefined>) =>
      evaluate(expression, Object.fromEntries(Object.entries(v).map(([k, n]) => [id[k]!, n])));
    const quiet = { '5XXError GET': undefined, '5XXError PUT': undefined, 'ChatErrors true': undefined };
    expect(rate({ ...quiet, 'Count GET': 60, 'Count PUT': 40, 'ChatRequests true': 100 })).toBe(0);
    expect(
      rate({
        '5XXError GET': 2,
        '5XXError PUT': 0,
        'ChatErrors true': 10,
        'Count GET': 60,
        'Count PUT': 40,
        'ChatRequests true': 100,
      }),
    ).toBe(6);
    expect(
      rate({ ...quiet, 'ChatErrors true': 5, 'Count GET': 10, 'Count PUT': 4, 'ChatRequests true': 5 }),
    ).toBe(0);
    expect(
      rate({
        ...quiet,
        'ChatErrors true': 1,
        'Count GET': undefined,
        'Count PUT': undefined,
        'ChatRequests true': 20,
      }),
    ).toBe(5);
  });
});

describe('API alarms', () => {
  it('5xx: over 5% of all requests in 2 of 3 periods, from the stage-wide metrics', () => {
    const props = alarm(template, 'flowgate-test-api-5xx-rate');
    expect(props).toMatchObject({ Threshold: 5, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    const stats = statsOf(props);
    const byName = Object.fromEntries([...stats].map(([id, s]) => [s.Metric.MetricName, id]));
    for (const s of stats.values()) {
      expect(dims(s)).toEqual({ ApiName: 'flowgate-test', Stage: stageRef() });
      expect([s.Stat, s.Period]).toEqual(['Sum', 300]);
    }
    const expression = returnedExpression(props);
    expect(evaluate(expression, { [byName['5XXError']!]: 6, [byName.Count!]: 100 })).toBe(6);
    expect(evaluate(expression, { [byName['5XXError']!]: 6, [byName.Count!]: 19 })).toBe(0);
  });

  it('p99 latency: over 1% of non-streaming requests slower than 10 s, for 15 minutes', () => {
    const props = alarm(template, 'flowgate-test-api-p99-latency');
    expect(props).toMatchObject({ Threshold: 1, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
    const stats = statsOf(props);
    const latency = [...stats.values()].filter((s) => s.Metric.MetricName === 'Latency');
    // The whole API, and each route that streams (its answers may rightly take minutes).
    expect(latency.map((s) => [s.Stat, dims(s).Resource ?? 'whole API']).sort()).toEqual(
      [
        ['PR(:10000)', 'whole API'],
        ['PR(:10000)', '/api/v1/chat/completions'],
        ['PR(:10000)', '/api/v1/completions'],
        ['PR(:10000)', '/api/v1/responses'],
      ].sort(),
    );
    const ids = Object.fromEntries(
      [...stats].map(([id, s]) => [`${s.Metric.MetricName} ${String(dims(s).Resource ?? 'api')}`, id]),
    );
    const share = (all: number, allFast: number, chat: number, chatFast: number) =>
      evaluate(returnedExpression(props), {
        [ids['Count api']!]: all,
        [ids['Latency api']!]: allFast,
        [ids['Count /api/v1/chat/completions']!]: chat,
        [ids['Latency /api/v1/chat/completions']!]: chatFast,
        // No legacy completions or responses in this window.
        [ids['Count /api/v1/completions']!]: 0,
        [ids['Latency /api/v1/completions']!]: 100,
        [ids['Count /api/v1/responses']!]: 0,
        [ids['Latency /api/v1/responses']!]: 100,
      });
    // 1000 requests, 30 slow, 20 of them streamed chats: 10 of the other 900 were slow.
    expect(share(1000, 97, 100, 80)).toBeCloseTo((10 / 900) * 100, 6);
    // Every slow request was a streamed chat: nothing else was slow.
    expect(share(1000, 98, 100, 80)).toBeCloseTo(0, 6);
  });
});

describe('Lambda errors and throttles per function group', () => {
  const groupAlarms = (kind: string, group: string) =>
    [...alarmsByName(template)].filter(([name]) =>
      new RegExp(`^flowgate-test-lambda-${kind}-${group}(-\\d+)?$`).test(name),
    );

  it.each(
    Object.entries(functionGroups).flatMap(
      ([group]) =>
        [
          ['errors', group, 5],
          ['throttles', group, 1],
        ] as const,
    ),
  )(
    '%s of the %s functions: at least %d in five minutes, over every function of the group',
    (kind, group, threshold) => {
      const alarms = groupAlarms(kind, group);
      expect(alarms.length).toBeGreaterThan(0);
      const covered: unknown[] = [];
      for (const [, props] of alarms) {
        expect(props).toMatchObject({
          Threshold: threshold,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          EvaluationPeriods: 1,
        });
        const stats = [...statsOf(props).values()];
        expect(stats.length).toBeLessThanOrEqual(MAX_ALARM_METRICS);
        for (const s of stats) {
          expect([s.Metric.Namespace, s.Metric.MetricName, s.Stat, s.Period]).toEqual([
            'AWS/Lambda',
            kind === 'errors' ? 'Errors' : 'Throttles',
            'Sum',
            300,
          ]);
          covered.push(dims(s).FunctionName);
        }
        // The alarm watches the sum, and a quiet function (no data) counts as zero.
        const ids = [...statsOf(props).keys()];
        const values = Object.fromEntries(ids.map((id, i) => [id, i === 0 ? undefined : 2]));
        expect(evaluate(returnedExpression(props), values)).toBe(2 * (ids.length - 1));
      }
      const names = functionGroups[group as keyof typeof functionGroups].map((f) => f.name);
      expect(covered.sort()).toEqual(names.map((n) => ({ Ref: n })).sort());
    },
  );
});

describe('scheduler dead-letter queue and disabled automations', () => {
  it('alarms as soon as the dead-letter queue holds a message', () => {
    const props = alarm(template, 'flowgate-test-scheduler-dlq-depth');
    expect(props).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [onlyId(template, 'AWS::SQS::Queue'), 'QueueName'] } },
      ],
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
    });
  });

  it('names the ScheduledAutomationDisabled alarm after the stage and routes it to the topic', () => {
    expect(alarm(template, 'flowgate-test-scheduled-automation-disabled')).toMatchObject({
      Namespace: 'Flowgate',
      MetricName: 'ScheduledAutomationDisabled',
      Dimensions: [{ Name: 'service', Value: 'flowgate-test' }],
      AlarmActions: [topicRef()],
    });
  });
});

describe('function groups', () => {
  it('watches a function the groups do not list under "other", and every other one in its group', () => {
    const fn = (name: string) => ({ name }) as unknown as IFunction;
    const names = ['GetHealth', 'ExecuteRun', 'SyntheticRoute', 'CreateChatCompletion'];
    const grouped = groupFunctions(new Map(names.map((n) => [n, fn(n)])));
    expect([...grouped].map(([group, members]) => [group, members.map((m) => m.name)])).toEqual([
      ['identity', ['GetHealth']],
      ['gateway', ['CreateChatCompletion']],
      ['system', ['ExecuteRun']],
      [UNGROUPED, ['SyntheticRoute']],
    ]);
  });

  it('hold every function exactly once', () => {
    const grouped = Object.values(functionGroups).flatMap((defs) => defs.map((d) => d.name));
    expect(grouped.sort()).toEqual(allFunctions.map((f) => f.name).sort());
    expect(Object.keys(functionGroups)).toEqual(['identity', 'gateway', 'engine', 'deployment', 'system']);
  });
});
