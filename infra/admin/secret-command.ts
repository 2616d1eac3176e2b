import {
  DescribeSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  type DescribeSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { secretNameOf, UPSTREAM_SECRET_NAMES, type UpstreamSecretName } from '../constructs/llm-upstream';
import { DEFAULT_STAGE, loadStage, type StageConfig } from '../stage-config';

export interface SecretIo {
  out(line: string): void;
  err(line: string): void;
  /** The value to write, from standard input (hidden at a terminal). */
  readValue(prompt: string): Promise<string>;
}

export interface SecretFlags {
  stage?: string;
  region?: string;
}

/** What each secret is, and what the local stack reads instead. */
const ABOUT: Record<UpstreamSecretName, { what: string; localVariable: string; configured: string }> = {
  'upstream-api-key': {
    what: 'the API key of the OpenAI-compatible upstream',
    localVariable: 'UPSTREAM_API_KEY',
    configured: 'upstream.baseUrl',
  },
  'morpheus-router-password': {
    what: 'the password of the Morpheus proxy-router',
    localVariable: 'MORPHEUS_ROUTER_PASSWORD',
    configured: 'morpheus.routerUrl',
  },
};

/** Gateway containers re-read within UPSTREAM_SECRET_CACHE_SECONDS (default 300). */
const PROPAGATION = 'Gateway containers use the new value within 5 minutes; no deploy needed.';

export interface SecretTarget {
  /** The stage's own ARN for it when the stage names an existing secret, else `flowgate/<stage>/<name>`. */
  secretId: string;
  /** An imported ARN's region; otherwise the stage's, or the SDK's usual chain. */
  region?: string;
}

/** Where a stage's functions read the secret from, or why none does. */
export function secretTarget(config: StageConfig, name: UpstreamSecretName): SecretTarget | string {
  const { baseUrl, apiKeySecretArn } = config.upstream;
  const { routerUrl, passwordSecretArn } = config.morpheus;
  const [used, arn] =
    name === 'upstream-api-key' ? [baseUrl, apiKeySecretArn] : [routerUrl, passwordSecretArn];
  if (!used)
    return `stage ${config.name} sets no ${ABOUT[name].configured}, so none of its functions reads ${name}`;
  if (arn) return { secretId: arn, region: arn.split(':')[3] };
  return { secretId: secretNameOf(config.name, name), region: config.region };
}

const isNotFound = (err: unknown) => (err as { name?: unknown })?.name === 'ResourceNotFoundException';

function describeStatus(out: DescribeSecretCommandOutput, io: SecretIo): void {
  const current = Object.entries(out.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes('AWSCURRENT'),
  );
  io.out(`${out.Name}`);
  io.out(`  arn:          ${out.ARN}`);
  io.out(`  value:        ${current ? `set (current version ${current[0]})` : 'not set'}`);
  io.out(`  created:      ${out.CreatedDate?.toISOString() ?? 'unknown'}`);
  io.out(`  last changed: ${out.LastChangedDate?.toISOString() ?? 'never'}`);
  const versions = Object.keys(out.VersionIdsToStages ?? {}).length;
  const untouched =
    out.CreatedDate &&
    out.LastChangedDate &&
    out.LastChangedDate.getTime() - out.CreatedDate.getTime() < 60_000;
  // The stack gives a secret it creates a random value, which no upstream accepts.
  if (current && versions === 1 && untouched)
    io.out('  (unchanged since it was created: probably the placeholder the stack generated)');
}

/**
 * `secret set <name>` writes one upstream secret of a deployed stage from standard input
 * (PutSecretValue: a new current version); `secret status <name>` says whether it has a
 * value and when it last changed. The value is never printed. The local stack has no
 * secrets to set: it reads the environment, which is what this says without --stage.
 */
export async function secretCommand(
  args: readonly string[],
  flags: SecretFlags,
  io: SecretIo,
  clientFor: (region?: string) => SecretsManagerClient = (region) =>
    new SecretsManagerClient({ ...(region ? { region } : {}), maxAttempts: 3 }),
): Promise<number> {
  const [action, name, ...rest] = args;
  if ((action !== 'set' && action !== 'status') || rest.length > 0) {
    io.err('usage: secret set <name> | secret status <name>  [--stage <stage>] [--region <region>]');
    return 2;
  }
  if (!UPSTREAM_SECRET_NAMES.includes(name as UpstreamSecretName)) {
    io.err(`error: the secret is one of ${UPSTREAM_SECRET_NAMES.join(', ')}`);
    return 2;
  }
  const secret = name as UpstreamSecretName;
  if (!flags.stage && !flags.region) {
    io.err(
      `error: the local stack reads no secrets from Secrets Manager: it takes ${ABOUT[secret].what} from ` +
        `${ABOUT[secret].localVariable} in its environment (npm start uses its stub's when unset). ` +
        'For a deployed stage pass --stage <name> (default dev with --region).',
    );
    return 2;
  }
  let target: SecretTarget | string;
  try {
    target = secretTarget(loadStage(flags.stage ?? DEFAULT_STAGE).config, secret);
  } catch (err) {
    target = (err as Error).message;
  }
  if (typeof target === 'string') {
    io.err(`error: ${target}`);
    return 2;
  }
  const client = clientFor(flags.region ?? target.region);
  try {
    if (action === 'status') {
      describeStatus(await client.send(new DescribeSecretCommand({ SecretId: target.secretId })), io);
      return 0;
    }
    const value = await io.readValue(`Value for ${target.secretId} (not echoed): `);
    if (value === '') {
      io.err('error: the value is empty; nothing was written');
      return 2;
    }
    const written = await client.send(
      new PutSecretValueCommand({ SecretId: target.secretId, SecretString: value }),
    );
    io.out(`Set ${written.Name ?? target.secretId} (version ${written.VersionId}). ${PROPAGATION}`);
    return 0;
  } catch (err) {
    if (!isNotFound(err)) throw err;
    io.err(
      `error: there is no secret ${target.secretId}; deploy the stage first (npm run deploy -- -c stage=…)`,
    );
    return 1;
  } finally {
    client.destroy();
  }
}
