import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { grantAccess } from '../../../infra/constructs/access-grants';
import { allFunctions, routes, type Access, type RouteDef } from '../../../infra/routes';
import {
  actionsOf,
  functionEnv,
  functionStatements,
  references,
  resource,
  resourcesOfType,
  synthFlowgate,
} from '../synth-flowgate';

const DYNAMO_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const ACCESS_ENV: Record<Access, string[]> = {
  'table:read': [],
  'table:write': [],
  'kms:encrypt': ['KMS_KEY_ID'],
  'kms:decrypt': ['KMS_KEY_ID'],
  'scheduler:manage': ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'EXECUTION_FUNCTION_ARN', 'SCHEDULER_DLQ_ARN'],
  'scheduler:pause': ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'SCHEDULER_DLQ_ARN'],
  'execution:invoke': ['EXECUTION_FUNCTION_NAME'],
  'llm:models': ['MODEL_MAPPINGS_JSON', 'MODEL_TARGETS_JSON'],
  'llm:upstream': [
    'MODEL_MAPPINGS_JSON',
    'MODEL_TARGETS_JSON',
    'UPSTREAM_BASE_URL',
    'UPSTREAM_API_KEY_SECRET_ARN',
    'MORPHEUS_ROUTER_URL',
    'MORPHEUS_ROUTER_USERNAME',
    'MORPHEUS_ROUTER_PASSWORD_SECRET_ARN',
  ],
};

const synthetic = (name: string, access: Access[]): RouteDef => ({
  name,
  method: 'POST',
  path: `/test/${name.toLowerCase()}`,
  handler: 'functions/get-health.ts',
  auth: 'apiKey',
  streaming: false,
  timeoutSeconds: 10,
  memoryMb: 256,
  access,
});

// No route uses these yet; synthetic entries prove each grant before one does.
const syntheticRoutes = [
  synthetic('EncryptOnly', ['kms:encrypt']),
  synthetic('DecryptOnly', ['kms:decrypt']),
  synthetic('ManageSchedules', ['scheduler:manage', 'table:write']),
  synthetic('PauseSchedules', ['scheduler:pause']),
  synthetic('StartRun', ['execution:invoke']),
];
const functionDefs = [...allFunctions, ...syntheticRoutes];

let template: Template;
let tableId: string;
let keyId: string;

beforeAll(() => {
  template = synthFlowgate({ routes: [...routes, ...syntheticRoutes] }).template;
  tableId = Object.keys(resourcesOfType(template, 'AWS::DynamoDB::Table'))[0]!;
  keyId = Object.keys(resourcesOfType(template, 'AWS::KMS::Key'))[0]!;
}, 60_000);

const byPrefix = (actions: string[], prefix: string) => actions.filter((a) => a.startsWith(prefix));

describe.each(functionDefs.map((d) => [d.name, d] as const))('%s', (name, def) => {
  const has = (a: Access) => def.access.includes(a);

  it('has DynamoDB actions only as its access list says, on the table only', () => {
    const statements = functionStatements(template, name);
    const dynamo = byPrefix(actionsOf(statements), 'dynamodb:');
    if (!has('table:read') && !has('table:write')) {
      expect(dynamo).toEqual([]);
      return;
    }
    expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    if (has('table:write')) expect(dynamo).toEqual(expect.arrayContaining(DYNAMO_WRITES));
    else for (const write of DYNAMO_WRITES) expect(dynamo).not.toContain(write);
    for (const s of statements.filter((st) => byPrefix(actionsOf([st]), 'dynamodb:').length > 0)) {
      expect(references(s.Resource, tableId)).toBe(true);
      expect(JSON.stringify(s.Resource)).not.toContain('"*"');
    }
  });

  it('has KMS actions only as its access list says, on the credentials key only', () => {
    const statements = functionStatements(template, name);
    const kms = byPrefix(actionsOf(statements), 'kms:');
    expect(kms.includes('kms:Encrypt')).toBe(has('kms:encrypt'));
    expect(kms.includes('kms:Decrypt')).toBe(has('kms:decrypt'));
    if (!has('kms:encrypt') && !has('kms:decrypt')) expect(kms).toEqual([]);
    for (const s of statements.filter((st) => byPrefix(actionsOf([st]), 'kms:').length > 0)) {
      expect(references(s.Resource, keyId)).toBe(true);
    }
  });

  it('manages schedules and passes the scheduler role only with scheduler:manage or scheduler:pause', () => {
    const actions = actionsOf(functionStatements(template, name));
    if (!has('scheduler:manage') && !has('scheduler:pause')) {
      expect(byPrefix(actions, 'scheduler:')).toEqual([]);
      expect(byPrefix(actions, 'iam:')).toEqual([]);
    } else if (!has('scheduler:manage')) {
      // Pausing reads a schedule and writes it back: no create, delete or list.
      expect(byPrefix(actions, 'scheduler:').sort()).toEqual([
        'scheduler:GetSchedule',
        'scheduler:UpdateSchedule',
      ]);
      expect(byPrefix(actions, 'iam:')).toEqual(['iam:PassRole']);
    } else {
      expect(byPrefix(actions, 'scheduler:').sort()).toEqual(
        [
          'scheduler:CreateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
          'scheduler:ListSchedules',
          'scheduler:UpdateSchedule',
        ].sort(),
      );
    }
  });

  it('invokes the execution function only with execution:invoke', () => {
    const statements = functionStatements(template, name).filter((s) =>
      actionsOf([s]).includes('lambda:InvokeFunction'),
    );
    // ExecuteRun alone may invoke itself, to hand a long run on (tested in stack.test.ts).
    expect(statements.length > 0).toBe(has('execution:invoke') || name === 'ExecuteRun');
    for (const s of statements) expect(references(s.Resource, 'ExecuteRun')).toBe(true);
  });

  it('reads secrets only with llm:upstream, and then exactly the upstream key and router password', () => {
    const statements = functionStatements(template, name).filter(
      (st) => byPrefix(actionsOf([st]), 'secretsmanager:').length > 0,
    );
    expect(statements.length > 0).toBe(has('llm:upstream'));
    const secrets = Object.keys(resourcesOfType(template, 'AWS::SecretsManager::Secret')).sort();
    const read = statements
      .map((st) => secrets.filter((id) => references(st.Resource, id)))
      .flat()
      .sort();
    if (has('llm:upstream')) expect(read).toEqual(secrets);
    for (const st of statements) {
      expect(byPrefix(actionsOf([st]), 'secretsmanager:').sort()).toEqual([
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
      expect(JSON.stringify(st.Resource)).not.toContain('"*"');
    }
  });

  it('gets exactly the env vars that name what it may touch', () => {
    const env = Object.keys(functionEnv(template, name));
    const granted = new Set(def.access.flatMap((a) => ACCESS_ENV[a]));
    for (const key of Object.values(ACCESS_ENV).flat()) expect(env.includes(key)).toBe(granted.has(key));
  });
});

it('gives GetHealth nothing but its own log group', () => {
  const logs = Object.keys(resourcesOfType(template, 'AWS::Logs::LogGroup')).find((id) =>
    id.startsWith('GetHealthLogs'),
  );
  expect(functionStatements(template, 'GetHealth')).toEqual([
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logs, 'Arn'] },
    },
  ]);
});

it('gives no function role an AWS managed policy, and each one the log group of its own function only', () => {
  for (const def of functionDefs) {
    const fn = resource(template, def.name);
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    expect([def.name, resource(template, roleId).Properties.ManagedPolicyArns]).toEqual([
      def.name,
      undefined,
    ]);
    const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    const logStatements = functionStatements(template, def.name).filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('logs:')),
    );
    expect(logStatements.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logGroup, 'Arn'] }]);
  }
});

it('scopes schedule management to the Flowgate group and PassRole to the scheduler role', () => {
  const statements = functionStatements(template, 'ManageSchedules');
  const groupName = Object.values(resourcesOfType(template, 'AWS::Scheduler::ScheduleGroup'))[0]!.Properties
    .Name;
  const manage = statements.find((s) => actionsOf([s]).includes('scheduler:CreateSchedule'))!;
  expect(JSON.stringify(manage.Resource)).toContain(`:schedule/${String(groupName)}/*`);
  const list = statements.find((s) => actionsOf([s]).includes('scheduler:ListSchedules'))!;
  // IAM cannot scope ListSchedules to a resource; keep it alone in its statement.
  expect(actionsOf([list])).toEqual(['scheduler:ListSchedules']);
  const pass = statements.find((s) => actionsOf([s]).includes('iam:PassRole'))!;
  expect(actionsOf([pass])).toEqual(['iam:PassRole']);
  expect(pass.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^SchedulerRole/), 'Arn'] });
  expect(pass.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });

  const env = functionEnv(template, 'ManageSchedules');
  expect(env.SCHEDULE_GROUP).toBe(groupName);
  expect(env.EXECUTION_FUNCTION_ARN).toEqual({ 'Fn::GetAtt': ['ExecuteRun', 'Arn'] });
  expect(env.SCHEDULER_ROLE_ARN).toEqual(pass.Resource);
});

it.each(['PauseSchedules', 'ExecuteRun'])(
  '%s may pause schedules of the Flowgate group only, passing only the scheduler role',
  (name) => {
    const statements = functionStatements(template, name);
    const groupName = Object.values(resourcesOfType(template, 'AWS::Scheduler::ScheduleGroup'))[0]!.Properties
      .Name;
    const pause = statements.filter((s) => byPrefix(actionsOf([s]), 'scheduler:').length > 0);
    expect(pause).toHaveLength(1);
    expect(actionsOf(pause).sort()).toEqual(['scheduler:GetSchedule', 'scheduler:UpdateSchedule']);
    expect(JSON.stringify(pause[0]!.Resource)).toContain(`:schedule/${String(groupName)}/*`);
    const pass = statements.filter((s) => actionsOf([s]).includes('iam:PassRole'));
    expect(pass).toEqual([
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^SchedulerRole/), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
    const env = functionEnv(template, name);
    expect(env.SCHEDULE_GROUP).toBe(groupName);
    expect(env.SCHEDULER_ROLE_ARN).toEqual(pass[0]!.Resource);
    // Its own ARN in its own env would be a cycle; the adapter takes it from the context.
    expect(env.EXECUTION_FUNCTION_ARN).toBeUndefined();
  },
);

it('gives the execution function scheduler:pause, not scheduler:manage', () => {
  const execution = allFunctions.find((f) => f.name === 'ExecuteRun')!;
  expect(execution.access).toContain('scheduler:pause');
  expect(execution.access).not.toContain('scheduler:manage');
});

it('names the execution function and the key in the env of the functions that use them', () => {
  expect(functionEnv(template, 'StartRun').EXECUTION_FUNCTION_NAME).toEqual({ Ref: 'ExecuteRun' });
  expect(functionEnv(template, 'EncryptOnly').KMS_KEY_ID).toEqual({ Ref: keyId });
});

it('refuses access that needs the execution function while building the execution function', () => {
  // The stack builds ExecuteRun first; a grant pointing at itself must fail loudly, not silently.
  const noExecution = { table: {}, credentialsKey: {}, scheduler: {} } as never;
  expect(() => grantAccess({} as never, ['execution:invoke'], noExecution)).toThrow(/execution function/);
  expect(() => grantAccess({} as never, ['scheduler:manage'], noExecution)).toThrow(/execution function/);
  // Pausing needs no execution function, which is why the execution function itself may hold it.
  const granted: string[] = [];
  const fn = {
    // The schedule-group finding is acknowledged on the function's role.
    role: new Construct(new App(), 'Role'),
    addToRolePolicy: () => granted.push('policy'),
    addEnvironment: (key: string) => granted.push(key),
  } as never;
  const scheduler = {
    schedulesArn: 'arn:schedules',
    role: { roleArn: 'arn:role' },
    group: { scheduleGroupName: 'g' },
    deadLetterQueue: { queueArn: 'arn:dlq' },
  };
  grantAccess(fn, ['scheduler:pause'], { ...(noExecution as object), scheduler } as never);
  expect(granted).toEqual(['policy', 'policy', 'SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'SCHEDULER_DLQ_ARN']);
});
