import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDef } from '../routes';
import { grantAccess, type AccessResources } from './access-grants';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVICE_NAME = 'flowgate';

export interface ApiFunctionProps {
  def: FunctionDef;
  resources: AccessResources;
  /** X-Ray active tracing. Off by default: it costs per trace and needs no code change to enable. */
  tracing?: boolean;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** The same origin the API's preflights and gateway errors allow. */
  allowOrigin: string;
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
    const { def, resources } = props;
    this.def = def;

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, def.handler),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: Duration.seconds(def.timeoutSeconds),
      memorySize: def.memoryMb,
      logGroup,
      tracing: props.tracing ? lambda.Tracing.ACTIVE : undefined,
      description: `Flowgate ${def.name} (${def.handler})`,
      environment: {
        // shared/config/env.ts requires TABLE_NAME at load in every function. A name is
        // not a permission: only table:* access entries grant IAM on the table.
        TABLE_NAME: resources.table.tableName,
        SERVICE_NAME,
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        LOG_LEVEL: props.logLevel ?? 'info',
        NODE_OPTIONS: '--enable-source-maps',
        CORS_ALLOW_ORIGIN: props.allowOrigin,
      },
      bundling: {
        // esbuild from node_modules; Docker is neither needed nor available.
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        // Stack traces need file and line, not the sources: keeps the .map small.
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.CJS,
        // The nodejs22.x runtime ships AWS SDK v3; bundling it again only slows cold starts.
        externalModules: ['@aws-sdk/*'],
      },
    });

    // A readable, stable logical id (the route name), so that
    // `sam local invoke -t cdk.out/Flowgate.template.json GetHealth` works.
    (this.fn.node.defaultChild as lambda.CfnFunction).overrideLogicalId(def.name);

    grantAccess(this.fn, def.access, resources);
  }
}
