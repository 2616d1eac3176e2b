import { Match, type Template } from 'aws-cdk-lib/assertions';
import {
  actionsOf,
  resource,
  resourcesOfType,
  roleStatements,
  synthFlowgate,
  type Resource,
} from '../synth-flowgate';

let template: Template;
let roleId: string;
let queueId: string;
let groupId: string;

function only(type: string): [string, Resource] {
  const found = Object.entries(resourcesOfType(template, type));
  expect(found).toHaveLength(1);
  return found[0]!;
}

beforeAll(() => {
  template = synthFlowgate().template;
  roleId = Object.keys(resourcesOfType(template, 'AWS::IAM::Role')).find((id) =>
    id.startsWith('SchedulerRole'),
  )!;
  [queueId] = only('AWS::SQS::Queue');
  [groupId] = only('AWS::Scheduler::ScheduleGroup');
}, 60_000);

describe('scheduler role', () => {
  it('can be assumed only by EventBridge Scheduler, for this account and schedule group', () => {
    const trust = resource(template, roleId).Properties.AssumeRolePolicyDocument as { Statement: unknown[] };
    expect(trust.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] },
          },
        },
      },
    ]);
    expect(resource(template, roleId).Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('has one lambda:InvokeFunction statement on the execution function and only the DLQ send besides', () => {
    const statements = roleStatements(template, roleId);
    const invoke = statements.filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]).toEqual({
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      // The unqualified function: schedules target it so, and no version or alias is callable.
      Resource: { 'Fn::GetAtt': ['ExecuteRun', 'Arn'] },
    });
    const rest = statements.filter((s) => s !== invoke[0]);
    expect(rest).toEqual([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    ]);
  });
});

describe('dead-letter queue', () => {
  it('is encrypted at rest', () => {
    const [, queue] = only('AWS::SQS::Queue');
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('refuses requests that are not over TLS', () => {
    const [, policy] = only('AWS::SQS::QueuePolicy');
    expect(policy.Properties.Queues).toEqual([{ Ref: queueId }]);
    expect((policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sqs:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });
});

describe('execution function', () => {
  it('does not retry asynchronous invocations itself, and bounds their age', () => {
    const configs = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')).filter(
      (c) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: 'ExecuteRun' }),
    );
    expect(configs).toHaveLength(1);
    const config = configs[0]!;
    expect(config.Properties.MaximumRetryAttempts).toBe(0);
    expect(config.Properties.MaximumEventAgeInSeconds).toBeGreaterThanOrEqual(60);
    expect(config.Properties.MaximumEventAgeInSeconds).toBeLessThanOrEqual(3600);
    expect(config.Properties.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    });
  });
});

it('creates Flowgate its own schedule group, named for the stage', () => {
  const [, group] = only('AWS::Scheduler::ScheduleGroup');
  expect(group.Properties.Name).toBe('flowgate-test');
});

describe('failure handling, as CloudFormation sees it (Match)', () => {
  it('the schedule role allows exactly: invoke the execution function, send to the DLQ', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: roleId }],
      PolicyDocument: {
        Statement: Match.arrayEquals([
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          {
            Effect: 'Allow',
            Action: 'lambda:InvokeFunction',
            Resource: { 'Fn::GetAtt': ['ExecuteRun', 'Arn'] },
          },
        ]),
      },
    });
  });

  it('the execution function never retries an asynchronous event and sends failures to the DLQ', () => {
    // The execution function's, and the sweep function's (no retries, no destination).
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 2);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: 'ExecuteRun' },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('the execution function may send to that DLQ (Lambda writes the failed event as the function)', () => {
    const executionRole = (resource(template, 'ExecuteRun').Properties.Role as { 'Fn::GetAtt': [string] })[
      'Fn::GetAtt'
    ][0];
    // Function roles carry their statements inline (infra/constructs/inline-policy-role.ts).
    expect(roleStatements(template, executionRole)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: expect.arrayContaining(['sqs:SendMessage']),
          Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
        }),
      ]),
    );
  });

  it('an alarm watches the metric the repeated-failure rule emits', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Flowgate',
      MetricName: 'ScheduledAutomationDisabled',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
  });
});
