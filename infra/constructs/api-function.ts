import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { FunctionDef } from '../routes';
import { namePrefix, type StageConfig } from '../stage-config';
import { grantAccess, type AccessResources } from './access-grants';
import { InlinePolicyRole } from './inline-policy-role';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The newest Node.js runtime Lambda offers, and the esbuild target that matches it. */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const BUNDLE_TARGET = 'node24';

/** The `service` of every log line and metric: the stage's name prefix, so stages never mix. */
export const serviceNameOf = (config: StageConfig) => namePrefix(config);

export interface ApiFunctionProps {
  def: FunctionDef;
  resources: AccessResources;
  /** Names, log level, retention, tracing, CORS and the stage-wide switches come from here. */
  stage: StageConfig;
}

/** The settings every function reads the same way, whatever it touches. */
function stageEnvironment(config: StageConfig): Record<string, string> {
  const service = serviceNameOf(config);
  return {
    SERVICE_NAME: service,
    POWERTOOLS_SERVICE_NAME: service,
    LOG_LEVEL: config.logLevel,
    CORS_ALLOW_ORIGIN: config.api.corsOrigins.join(','),
    AUTOMATION_FEATURE_ENABLED: String(config.automation.featureEnabled),
    AUTOMATION_DEFAULT_ENABLED: String(config.automation.defaultEnabled),
    MODEL_ROUTING_STRICT: String(config.modelRoutingStrict),
    AUTOMATION_RETENTION_DAYS: String(config.retention.runDays),
    AUDIT_RETENTION_DAYS: String(config.retention.auditDays),
  };
}

/**
 * Every Flowgate Lambda: one place for the runtime defaults, the bundling, the log
 * group, and least privilege derived from the entry's `access` list.
 */
export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly def: FunctionDef;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { def, resources, stage } = props;
    this.def = def;
    const functionName = `${namePrefix(stage)}-${def.name}`;

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: stage.retention.logDays as logs.RetentionDays,
    });
    const role = this.executionRole(logGroup, def.name);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, def.handler),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      functionName,
      role,
      timeout: Duration.seconds(def.timeoutSeconds),
      memorySize: def.memoryMb,
      logGroup,
      tracing: stage.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      description: `Flowgate ${stage.name} ${def.name} (${def.handler})`,
      environment: {
        // shared/config/env.ts requires TABLE_NAME at load in every function. A name is
        // not a permission: only table:* access entries grant IAM on the table.
        TABLE_NAME: resources.table.tableName,
        NODE_OPTIONS: '--enable-source-maps',
        ...stageEnvironment(stage),
      },
      bundling: {
        // esbuild from node_modules; Docker is neither needed nor available.
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        // Stack traces need file and line, not the sources: keeps the .map small.
        sourcesContent: false,
        target: BUNDLE_TARGET,
        format: OutputFormat.CJS,
        // The AWS SDK is bundled: the version the tests ran is the version that runs, not
        // whichever one the runtime ships that month. Its ES module builds let esbuild drop
        // what no handler uses, so such a bundle loads faster than one that resolves the
        // runtime's SDK, at under three times the size (test/bench/bundles.md).
        bundleAwsSDK: true,
        mainFields: ['module', 'main'],
      },
    });

    // A readable, stable logical id (the route name), so that
    // `sam local invoke -t cdk.out/Flowgate-dev.template.json GetHealth` works.
    (this.fn.node.defaultChild as lambda.CfnFunction).overrideLogicalId(def.name);

    grantAccess(this.fn, def.access, resources);
    if (stage.tracing) {
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords have no resource-level permissions.',
      );
    }
  }

  /**
   * The function's own role, instead of one with AWS's AWSLambdaBasicExecutionRole: it may
   * write to its own log group and nothing else until its access list grants more.
   */
  private executionRole(logGroup: logs.LogGroup, name: string): iam.Role {
    const role = new InlinePolicyRole(this, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Flowgate ${name}: its log group, and what its route-table entry grants`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group's ARN ends in `:*`, which covers its streams (Lambda names them).
        resources: [logGroup.logGroupArn],
      }),
    );
    return role;
  }
}
