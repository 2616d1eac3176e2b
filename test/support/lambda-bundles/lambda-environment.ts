import path from 'node:path';
import { LOCAL_REGION, resolveEnvironment, resolveValue, type LocalValues } from './template-values';

export interface RuntimeEnvironmentOptions {
  /** The function's logical id in the template. */
  logicalId: string;
  /** The copied asset's directory (the bootstrap's `task`), Lambda's LAMBDA_TASK_ROOT. */
  taskRoot: string;
  values: LocalValues;
  /** Added last: the local endpoints that stand in for AWS. */
  overrides?: Record<string, string>;
}

/**
 * What a Lambda function's process starts with: the variables the nodejs24.x runtime
 * sets, then the function's own Environment.Variables from the template (references
 * resolved to local values), then the local overrides. Nothing is inherited from the
 * test process, so a variable the template forgot is missing here too.
 */
export function runtimeEnvironment(options: RuntimeEnvironmentOptions): Record<string, string> {
  const { logicalId, taskRoot, values } = options;
  const resource = values.resources[logicalId];
  if (!resource || resource.Type !== 'AWS::Lambda::Function')
    throw new Error(`${logicalId} is not a function`);
  const props = resource.Properties ?? {};
  const functionName = props.FunctionName ? resolveValue(props.FunctionName, values) : `local-${logicalId}`;
  const variables =
    (props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
  const home = path.dirname(taskRoot);
  return {
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    // No ~/.aws files: the SDK must get everything from the environment, as in Lambda.
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-aws-credentials'),
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: path.join(home, 'runtime'),
    _HANDLER: String(props.Handler ?? 'index.handler'),
    AWS_EXECUTION_ENV: `AWS_Lambda_${String(props.Runtime ?? 'nodejs24.x')}`,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(props.MemorySize ?? 128),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `2026/01/01/[$LATEST]local`,
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    // The execution role's session credentials; the key id names the function, so the
    // fake AWS endpoint can tell whose request it received.
    AWS_ACCESS_KEY_ID: `ASIA${logicalId}`,
    AWS_SECRET_ACCESS_KEY: 'local-secret',
    AWS_SESSION_TOKEN: 'local-session',
    ...resolveEnvironment(variables, values),
    ...options.overrides,
  };
}

/** Function timeout from the template, in milliseconds. */
export function timeoutOf(values: LocalValues, logicalId: string): number {
  return Number(values.resources[logicalId]?.Properties?.Timeout ?? 3) * 1000;
}
