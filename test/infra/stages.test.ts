import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/constructs/api-function';
import { FlowgateStack } from '../../infra/stack';
import { loadStage, stackNameOf } from '../../infra/stage-config';
import { resourcesOfType, type Resource } from './synth-flowgate';

const run = promisify(execFile);

/** Every physical name the template sets itself (the rest CloudFormation makes unique). */
const NAMED: Record<string, string> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::Scheduler::ScheduleGroup': 'Name',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::ApiGateway::RestApi': 'Name',
};

function namesOf(template: Template): string[] {
  return Object.entries(NAMED).flatMap(([type, property]) =>
    Object.values(resourcesOfType(template, type)).map((r: Resource) => {
      const name = r.Properties[property];
      if (typeof name !== 'string')
        throw new Error(`${type} has no fixed ${property}: ${JSON.stringify(name)}`);
      return name;
    }),
  );
}

describe('stages', () => {
  // Both stacks in one app, as one account and region would hold them; synthesized together.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = ['dev', 'prod'].map((name) => {
    const stage = loadStage(name);
    return [name, new FlowgateStack(app, stackNameOf(stage.config), { stage })] as const;
  });
  const templates = Object.fromEntries(
    stacks.map(([name, stack]) => [name, Template.fromStack(stack)]),
  ) as Record<'dev' | 'prod', Template>;

  it('synthesize side by side in one app (one account and region) with no name in common', () => {
    const dev = namesOf(templates.dev);
    const prod = namesOf(templates.prod);
    expect(dev.length).toBeGreaterThan(45);
    expect(prod).toHaveLength(dev.length);
    expect(dev.filter((n) => prod.includes(n))).toEqual([]);
    for (const name of dev) expect(name).toMatch(/flowgate[-/]dev\b/);
    for (const name of prod) expect(name).toMatch(/flowgate[-/]prod\b/);
  });

  it('name the table, key alias, schedule group, API and log groups after the stage', () => {
    const prod = namesOf(templates.prod);
    expect(prod).toEqual(
      expect.arrayContaining([
        'flowgate-prod-data',
        'alias/flowgate-prod/credentials',
        'flowgate-prod',
        '/flowgate/prod/api-access',
        'flowgate-prod-CreateChatCompletion',
        '/aws/lambda/flowgate-prod-CreateChatCompletion',
        'flowgate/prod/upstream-api-key',
      ]),
    );
    templates.prod.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod' });
  });

  it('put a web ACL on the API stage only where the stage asks for one, with the body rules counting only', () => {
    expect(Object.keys(resourcesOfType(templates.dev, 'AWS::WAFv2::WebACL'))).toEqual([]);
    const [acl] = Object.values(resourcesOfType(templates.prod, 'AWS::WAFv2::WebACL'));
    expect(acl?.Properties).toMatchObject({
      Name: 'flowgate-prod',
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
    });
    const rules = acl!.Properties.Rules as {
      Name: string;
      Statement: Record<string, { Limit?: number; RuleActionOverrides?: { Name: string }[] }>;
    }[];
    expect(rules.map((r) => r.Name)).toEqual([
      'RatePerIp',
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ]);
    expect(rules[0]!.Statement.RateBasedStatement?.Limit).toBe(2000);
    expect(rules[3]!.Statement.ManagedRuleGroupStatement?.RuleActionOverrides?.map((o) => o.Name)).toContain(
      'SizeRestrictions_BODY',
    );
    const [association] = Object.values(resourcesOfType(templates.prod, 'AWS::WAFv2::WebACLAssociation'));
    const [stageId] = Object.keys(resourcesOfType(templates.prod, 'AWS::ApiGateway::Stage'));
    expect(JSON.stringify(association?.Properties.ResourceArn)).toContain(`"/stages/",{"Ref":"${stageId}"}`);
  });

  it('take their tracing, log level, switches, throttling and retention from the stage file', () => {
    const fn = (t: Template) =>
      Object.values(resourcesOfType(t, 'AWS::Lambda::Function')).find(
        (f) => f.Properties.FunctionName === 'flowgate-prod-CreateChatCompletion',
      );
    expect(fn(templates.prod)?.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const env = (fn(templates.prod)?.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(env).toMatchObject({
      LOG_LEVEL: 'info',
      AUTOMATION_FEATURE_ENABLED: 'false',
      SERVICE_NAME: 'flowgate-prod',
    });
    templates.prod.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 })],
    });
    templates.dev.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/flowgate/dev/api-access',
      RetentionInDays: 14,
    });
  });
});

describe('the CDK app (infra/bin/app.ts), as `cdk synth -c stage=…` runs it', () => {
  const synth = async (context: Record<string, unknown>) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-out-'));
    try {
      await run(process.execPath, ['--import', 'tsx', 'infra/bin/app.ts'], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          CDK_OUTDIR: outdir,
          // What the CLI hands the app: `-c` values as strings; no bundling for a template-only look.
          CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
        },
      });
      const stackName = `Flowgate-${String(context.stage ?? 'dev')}`;
      return JSON.parse(readFileSync(path.join(outdir, `${stackName}.template.json`), 'utf8')) as {
        Resources: Record<string, Resource>;
      };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  };
  const tracingModes = (template: { Resources: Record<string, Resource> }) =>
    new Set(
      Object.values(template.Resources)
        .filter((r) => r.Type === 'AWS::Lambda::Function')
        .map((r) => JSON.stringify(r.Properties.TracingConfig)),
    );

  it('synthesizes dev by default and prod with -c stage=prod, reading -c flowgate:tracing as a boolean', async () => {
    // Context from the command line is a string: 'true' turns tracing on for every function...
    const dev = await synth({ 'flowgate:tracing': 'true' });
    expect(Object.values(dev.Resources).some((r) => r.Properties?.TableName === 'flowgate-dev-data')).toBe(
      true,
    );
    expect(tracingModes(dev)).toEqual(new Set([JSON.stringify({ Mode: 'Active' })]));
    // ...and 'false' off, even where the stage file (prod) turns it on: no TracingConfig at all.
    const prod = await synth({ stage: 'prod', 'flowgate:tracing': 'false' });
    expect(Object.values(prod.Resources).some((r) => r.Properties?.TableName === 'flowgate-prod-data')).toBe(
      true,
    );
    expect(tracingModes(prod)).toEqual(new Set([undefined]));
  }, 120_000);

  it('refuses context that is not a boolean', async () => {
    await expect(synth({ 'flowgate:tracing': 'yes' })).rejects.toThrow(/must be true or false/);
  }, 60_000);

  it('refuses an unknown stage with the file it looked for', async () => {
    await expect(synth({ stage: 'qa' })).rejects.toThrow(/Stage "qa": cannot read config\/stages\/qa.json/);
  }, 60_000);
});
