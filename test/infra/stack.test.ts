import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/constructs/api-function';
import { credentialsKeyAlias } from '../../infra/constructs/credentials-key';
import { allFunctions, routes, type RouteDef } from '../../infra/routes';
import { createTableInput, TABLE } from '../../shared/db/table-definition';
import { functionEnv, resource, resourcesOfType, synthFlowgate, type Resource } from './synth-flowgate';

let template: Template;

beforeAll(() => {
  template = synthFlowgate().template;
}, 60_000);

/** `GET /api/health` -> the AWS::ApiGateway::Method, with paths rebuilt from the Resource tree. */
function methodsByRoute(t: Template): Map<string, Resource> {
  const resources = resourcesOfType(t, 'AWS::ApiGateway::Resource');
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    if (!id) return ''; // the root resource (Fn::GetAtt RootResourceId)
    const r = resources[id];
    if (!r) throw new Error(`Unknown resource ${id}`);
    return `${pathOf(r.Properties.ParentId)}/${String(r.Properties.PathPart)}`;
  };
  const methods = new Map<string, Resource>();
  for (const m of Object.values(resourcesOfType(t, 'AWS::ApiGateway::Method'))) {
    // OPTIONS answers CORS preflights and ANY the 405s; both are tested on their own.
    if (m.Properties.HttpMethod === 'OPTIONS' || m.Properties.HttpMethod === 'ANY') continue;
    methods.set(`${String(m.Properties.HttpMethod)} ${pathOf(m.Properties.ResourceId)}`, m);
  }
  return methods;
}

describe('functions', () => {
  it('stays well under CloudFormation’s 500 resources per stack (function roles carry inline policies)', () => {
    const resources = Object.keys(template.toJSON().Resources as object).length;
    expect(resources).toBeLessThan(450);
    expect(Object.keys(template.findResources('AWS::IAM::Policy'))).toHaveLength(2);
  });

  it('synthesizes exactly one Lambda per function entry, with the entry name as logical id', () => {
    const ids = Object.keys(resourcesOfType(template, 'AWS::Lambda::Function')).sort();
    expect(ids).toEqual(allFunctions.map((f) => f.name).sort());
  });

  it.each(allFunctions.map((f) => [f.name, f] as const))(
    '%s runs nodejs24.x on arm64 with the timeout and memory of its entry',
    (name, def) => {
      const props = resource(template, name).Properties;
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Timeout).toBe(def.timeoutSeconds);
      expect(props.MemorySize).toBe(def.memoryMb);
      expect(props.Handler).toBe('index.handler');
    },
  );

  it.each(allFunctions.map((f) => [f.name]))('%s logs to its own log group kept for 30 days', (name) => {
    const logging = resource(template, name).Properties.LoggingConfig as { LogGroup: { Ref: string } };
    const group = resource(template, logging.LogGroup.Ref);
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.RetentionInDays).toBe(30);
  });

  it.each(allFunctions.map((f) => [f.name]))('%s gets the common environment', (name) => {
    const env = functionEnv(template, name);
    expect(env).toMatchObject({
      SERVICE_NAME: 'flowgate-test',
      POWERTOOLS_SERVICE_NAME: 'flowgate-test',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--enable-source-maps',
      CORS_ALLOW_ORIGIN: '*',
      AUTOMATION_FEATURE_ENABLED: 'false',
      AUTOMATION_DEFAULT_ENABLED: 'false',
      MODEL_ROUTING_STRICT: 'false',
      AUTOMATION_RETENTION_DAYS: '30',
      AUDIT_RETENTION_DAYS: '400',
    });
    // Every function loads shared/config/env.ts, which requires the table name.
    expect(env.TABLE_NAME).toEqual({
      Ref: Object.keys(resourcesOfType(template, 'AWS::DynamoDB::Table'))[0],
    });
  });

  it.each(allFunctions.map((f) => [f.name, f.handler]))(
    '%s handler file %s exists and exports handler',
    (_n, file) => {
      const full = path.join(REPO_ROOT, file);
      expect(fs.existsSync(full)).toBe(true);
      expect(fs.readFileSync(full, 'utf8')).toMatch(/export (const handler\b|async function handler\s*\()/);
    },
  );
});

describe('routes', () => {
  it('has exactly the methods of the route table (plus CORS preflights and 405 fallbacks)', () => {
    expect([...methodsByRoute(template).keys()].sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s invokes its own function',
    (key, route) => {
      const method = methodsByRoute(template).get(key);
      expect(method).toBeDefined();
      const integration = method!.Properties.Integration as { Type: string; Uri: unknown };
      expect(integration.Type).toBe('AWS_PROXY');
      const uri = JSON.stringify(integration.Uri);
      const targets = allFunctions
        .filter((f) => uri.includes(`"Fn::GetAtt":["${f.name}","Arn"]`))
        .map((f) => f.name);
      expect(targets).toEqual([route.name]);
      expect(uri).toMatch(route.streaming ? /\/response-streaming-invocations"/ : /\/invocations"/);
      expect(method!.Properties.OperationName).toBe(route.name);
    },
  );

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s has the auth of its entry',
    (key, route) => {
      const props = methodsByRoute(template).get(key)!.Properties;
      if (route.auth === 'apiKey') {
        expect(props.AuthorizationType).toBe('CUSTOM');
        expect(props.AuthorizerId).toEqual({ Ref: expect.stringMatching(/ApiKeyAuthorizer/) });
      } else {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      }
    },
  );

  it.each(routes.map((r) => [r.name, r] as const))(
    '%s may be invoked by API Gateway on its own method only',
    (name, route: RouteDef) => {
      const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).filter(
        (p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [name, 'Arn'] }),
      );
      expect(permissions).toHaveLength(1);
      expect(permissions[0]!.Properties.Principal).toBe('apigateway.amazonaws.com');
      const sourceArn = JSON.stringify(permissions[0]!.Properties.SourceArn);
      // API Gateway matches path parameters with a wildcard in the source ARN.
      expect(sourceArn).toContain(`/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}"`);
    },
  );

  it('rejects two routes with the same method and path', () => {
    const [first] = routes;
    const twin = { ...first!, name: 'Twin' };
    expect(() => synthFlowgate({ routes: [...routes, twin] })).toThrow(/Duplicate route/);
  });

  it('rejects two entries with the same function name', () => {
    const [first] = routes;
    const clash = { ...first!, path: '/api/other' };
    expect(() => synthFlowgate({ routes: [...routes, clash] })).toThrow(/Duplicate function name/);
  });
});

describe('data', () => {
  it('creates the single table from the shared definition, on demand, with PITR, TTL and GSI1', () => {
    const tables = Object.values(resourcesOfType(template, 'AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    const local = createTableInput('any');
    const props = tables[0]!.Properties;
    expect(props).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: local.KeySchema,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes,
    });
    expect(TABLE.ttlAttribute).toBe('expiresAt');
    const byName = (a: { AttributeName: string }, b: { AttributeName: string }) =>
      a.AttributeName.localeCompare(b.AttributeName);
    expect([...(props.AttributeDefinitions as { AttributeName: string }[])].sort(byName)).toEqual(
      [...local.AttributeDefinitions].sort(byName),
    );
    expect(tables[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('creates the credentials key with rotation, retained, under its alias', () => {
    const keys = resourcesOfType(template, 'AWS::KMS::Key');
    expect(Object.keys(keys)).toHaveLength(1);
    const [keyId, key] = Object.entries(keys)[0]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: credentialsKeyAlias('flowgate-test'),
      TargetKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });
});

describe('outputs', () => {
  it('exports what operators and the README need', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'AlarmTopicArn',
        'ApiUrl',
        'CredentialsKeyAlias',
        'CredentialsKeyId',
        'DashboardName',
        'ExecutionFunctionArn',
        'ScheduleGroupName',
        'ScheduledAutomationDisabledAlarmName',
        'SchedulerDeadLetterQueueUrl',
        'SchedulerRoleArn',
        'TableName',
      ].sort(),
    );
    expect(outputs.ExecutionFunctionArn!.Value).toEqual({ 'Fn::GetAtt': ['ExecuteRun', 'Arn'] });
    expect(JSON.stringify(outputs.ApiUrl!.Value)).toContain('execute-api');
    const [topic] = Object.keys(resourcesOfType(template, 'AWS::SNS::Topic'));
    expect(outputs.AlarmTopicArn!.Value).toEqual({ Ref: topic });
    const [dashboard] = Object.keys(resourcesOfType(template, 'AWS::CloudWatch::Dashboard'));
    expect(outputs.DashboardName!.Value).toEqual({ Ref: dashboard });
  });
});

describe('execution function hand-off', () => {
  it('may invoke itself (long runs continue in a fresh invocation) through a policy of its own', () => {
    const role = (
      resourcesOfType(template, 'AWS::Lambda::Function').ExecuteRun!.Properties.Role as {
        'Fn::GetAtt': [string, string];
      }
    )['Fn::GetAtt'][0];
    const selfInvoke = Object.entries(resourcesOfType(template, 'AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith('ExecuteRunSelfInvoke'))
      .map(([, p]) => p);
    expect(selfInvoke).toHaveLength(1);
    expect(selfInvoke[0]!.Properties.Roles).toEqual([{ Ref: role }]);
    expect(JSON.stringify(selfInvoke[0]!.Properties.PolicyDocument)).toContain(
      '"Fn::GetAtt":["ExecuteRun","Arn"]',
    );
    expect(JSON.stringify(selfInvoke[0]!.Properties.PolicyDocument)).toContain('lambda:InvokeFunction');
  });
});
