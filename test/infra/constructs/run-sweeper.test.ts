import type { Template } from 'aws-cdk-lib/assertions';
import { SWEEP_RATE_MINUTES, sweepFunction } from '../../../infra/routes';
import { TABLE } from '../../../shared/db/table-definition';
import {
  actionsOf,
  functionEnv,
  functionStatements,
  references,
  resource,
  resourcesOfType,
} from '../synth-flowgate';
import { synthFlowgate } from '../synth-flowgate';

let template: Template;

beforeAll(() => {
  template = synthFlowgate().template;
}, 60_000);

describe('the run sweeper in AWS', () => {
  it('is invoked every minute by one rule, which may invoke nothing else', () => {
    expect(SWEEP_RATE_MINUTES).toBe(1);
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule!.Properties.ScheduleExpression).toBe('rate(1 minute)');
    expect(rule!.Properties.State).toBe('ENABLED');
    const targets = rule!.Properties.Targets as { Arn: unknown; RetryPolicy?: unknown }[];
    expect(targets).toHaveLength(1);
    expect(references(targets[0]!.Arn, sweepFunction.name)).toBe(true);
    const ruleId = Object.keys(resourcesOfType(template, 'AWS::Events::Rule'))[0]!;
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'events.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(references(permissions[0]!.Properties.FunctionName, sweepFunction.name)).toBe(true);
    expect(references(permissions[0]!.Properties.SourceArn, ruleId)).toBe(true);
  });

  it('may read and write the table (and its lease index), invoke the execution function and pause schedules; nothing else', () => {
    const statements = functionStatements(template, sweepFunction.name);
    const actions = actionsOf(statements);
    expect(actions.some((a) => a.startsWith('kms:'))).toBe(false);
    expect(actions.filter((a) => a.startsWith('scheduler:')).sort()).toEqual([
      'scheduler:GetSchedule',
      'scheduler:UpdateSchedule',
    ]);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:UpdateItem');
    const invoke = statements.filter((s) => actionsOf([s]).includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(references(invoke[0]!.Resource, 'ExecuteRun')).toBe(true);
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    for (const s of dynamo) expect(JSON.stringify(s.Resource)).toMatch(/DataTable/);
    const env = functionEnv(template, sweepFunction.name);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['TABLE_NAME', 'EXECUTION_FUNCTION_NAME']));
    expect(env).not.toHaveProperty('KMS_KEY_ID');
  });

  it('does not retry a failed sweep (the next one comes within a minute)', () => {
    const config = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')).find((c) =>
      references(c.Properties.FunctionName, sweepFunction.name),
    );
    expect(config?.Properties.MaximumRetryAttempts).toBe(0);
    expect(resource(template, sweepFunction.name).Properties.Timeout).toBe(sweepFunction.timeoutSeconds);
  });

  it('reads a sparse lease index that projects only what the sweep decides on', () => {
    const [table] = Object.values(resourcesOfType(template, 'AWS::DynamoDB::Table'));
    const indexes = table!.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string }[];
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }[];
    const lease = indexes.find((i) => i.IndexName === TABLE.gsi2.name);
    expect(lease?.KeySchema.map((k) => k.AttributeName)).toEqual(['GSI2PK', 'GSI2SK']);
    expect(lease?.Projection).toEqual({
      ProjectionType: 'INCLUDE',
      NonKeyAttributes: [...TABLE.gsi2.projected],
    });
  });
});
