import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { parseModelConfig, type ModelConfig } from '../shared/gateway/model-config-schema';

/**
 * One deployable copy of Flowgate (dev, prod, …): `config/stages/<name>.json`, chosen with
 * `cdk deploy -c stage=<name>` (default `dev`) and validated here at synth, so a typo fails
 * the synth with the field named instead of deploying something half-configured. Every
 * resource name carries the stage, so several stages live side by side in one account.
 */
export const STAGES_DIR = path.resolve(__dirname, '..', 'config', 'stages');
export const DEFAULT_STAGE = 'dev';

const SecretArn = z.string().regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, {
  error: 'must be a Secrets Manager secret ARN',
});
const RepoFile = z
  .string()
  .regex(/^config\/[A-Za-z0-9_./-]+\.json$/, { error: 'must be a JSON file under config/' })
  .refine((p) => !p.includes('..'), { error: 'must stay under config/' });

export const StageConfigSchema = z.strictObject({
  /** The name in every resource name: lower case, short (function names are at most 64 characters). */
  name: z.string().regex(/^[a-z][a-z0-9]{1,11}$/, { error: 'must be 2-12 lower-case letters or digits' }),
  /** Pin the stage to one account and region (recommended for prod); omitted: the deploying credentials'. */
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .optional(),
  /** The OpenAI-compatible upstream of the `direct` backend. Its key is a secret. */
  upstream: z
    .strictObject({
      baseUrl: z.url().optional(),
      /** An existing secret holding the key; omitted: the stack creates `flowgate/<stage>/upstream-api-key`. */
      apiKeySecretArn: SecretArn.optional(),
    })
    .default({}),
  /** A Morpheus proxy-router for the `morpheus` backend (HTTP basic auth). Its password is a secret. */
  morpheus: z
    .strictObject({
      routerUrl: z.url().optional(),
      username: z.string().min(1).max(256).optional(),
      passwordSecretArn: SecretArn.optional(),
    })
    .default({}),
  /** Which model names route where in this stage. */
  models: z
    .strictObject({
      mappings: RepoFile.default('config/model_mappings.json'),
      targets: RepoFile.default('config/model_targets.json'),
    })
    .default({ mappings: 'config/model_mappings.json', targets: 'config/model_targets.json' }),
  /** Seed 001's system switch and the default for users who never chose (seed 000: off). */
  automation: z
    .strictObject({ featureEnabled: z.boolean().default(false), defaultEnabled: z.boolean().default(false) })
    .default({ featureEnabled: false, defaultEnabled: false }),
  /** An unknown model name is a 404 instead of going to `default`. */
  modelRoutingStrict: z.boolean().default(false),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  api: z
    .strictObject({
      /** Stage-wide requests per second and burst. */
      rateLimit: z.number().int().min(1).max(10_000).default(50),
      burstLimit: z.number().int().min(1).max(5_000).default(100),
      /** Browser origins allowed to call the API; `*` for any (keys travel in a header, never cookies). */
      corsOrigins: z
        .array(z.union([z.literal('*'), z.url()]))
        .min(1)
        .default(['*']),
    })
    .default({ rateLimit: 50, burstLimit: 100, corsOrigins: ['*'] }),
  retention: z
    .strictObject({
      /** CloudWatch Logs of every function and of API access. */
      logDays: z
        .union([z.literal(1), z.literal(7), z.literal(14), z.literal(30), z.literal(90), z.literal(365)])
        .default(30),
      /** Execution logs (runs) in the table. */
      runDays: z.number().int().min(1).max(3650).default(30),
      auditDays: z.number().int().min(1).max(3650).default(400),
    })
    .default({ logDays: 30, runDays: 30, auditDays: 400 }),
  /** X-Ray active tracing on every function and the API stage. */
  tracing: z.boolean().default(false),
  /** Every alarm notifies one SNS topic; this address is subscribed to it. */
  alarmEmail: z.email().optional(),
  /** An AWS WAF web ACL on the API stage: AWS's common rule set plus a rate limit per client IP. */
  waf: z
    .strictObject({
      enabled: z.boolean(),
      /** Requests one IP may send in any 5 minutes before it is blocked. */
      rateLimitPer5Minutes: z.number().int().min(100).max(2_000_000_000).default(2000),
    })
    .optional(),
});

export type StageConfig = z.infer<typeof StageConfigSchema>;

export interface Stage {
  config: StageConfig;
  /** The validated model routing the stage's functions receive. */
  models: ModelConfig;
  /** The two files as written, for the functions' environment. */
  modelJson: { mappings: string; targets: string };
}

const REPO_ROOT = path.resolve(__dirname, '..');

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`${what}: ${(err as Error).message}`);
  }
}

/** Validates a stage's configuration (already read) and the model files it names. */
export function parseStage(input: unknown, source = 'stage config'): Stage {
  const parsed = StageConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid ${source}: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  const mappingsText = JSON.stringify(
    readJson(path.join(REPO_ROOT, config.models.mappings), config.models.mappings),
  );
  const targetsText = JSON.stringify(
    readJson(path.join(REPO_ROOT, config.models.targets), config.models.targets),
  );
  const models = parseModelConfig(JSON.parse(mappingsText), JSON.parse(targetsText));
  const unreachable = unreachableModels(config, models);
  if (unreachable.length > 0) throw new Error(`Invalid ${source}: ${unreachable.join('; ')}`);
  return { config, models, modelJson: { mappings: mappingsText, targets: targetsText } };
}

/** Model names the stage maps (first target or fallback) to a backend it does not configure: a deployed chat would answer 503. */
export function unreachableModels(config: StageConfig, models: ModelConfig): string[] {
  const configured = { direct: !!config.upstream.baseUrl, morpheus: !!config.morpheus.routerUrl };
  return Object.entries(models.chains).flatMap(([name, chain]) =>
    chain
      .map((targetId) => ({ targetId, backend: models.targets.get(targetId)!.backend }))
      .filter(({ backend }) => !configured[backend])
      .map(
        ({ targetId, backend }) =>
          `model "${name}" routes to ${targetId} (backend ${backend}), which this stage does not configure (${
            backend === 'direct' ? 'upstream.baseUrl' : 'morpheus.routerUrl'
          })`,
      ),
  );
}

/** `config/stages/<name>.json`; its `name` must be the file's. */
export function loadStage(name: string, dir = STAGES_DIR): Stage {
  if (!/^[a-z][a-z0-9]{1,11}$/.test(name))
    throw new Error(`Unknown stage "${name}": stage names are 2-12 lower-case letters or digits`);
  const file = path.join(dir, `${name}.json`);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(
      `Stage "${name}": cannot read ${path.relative(REPO_ROOT, file)} (${(err as Error).message})`,
    );
  }
  const stage = parseStage(input, path.relative(REPO_ROOT, file));
  if (stage.config.name !== name)
    throw new Error(
      `${path.relative(REPO_ROOT, file)}: "name" is "${stage.config.name}", expected "${name}"`,
    );
  return stage;
}

/** CDK context arrives as a string from the command line (`-c tracing=true`) and as JSON from cdk.json. */
export function contextBoolean(value: unknown, key: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context "${key}" must be true or false, got ${JSON.stringify(value)}`);
}

/** `flowgate-<stage>`: the prefix of every name the stack gives. */
export const namePrefix = (config: StageConfig) => `flowgate-${config.name}`;

/** `Flowgate-<stage>`: the CloudFormation stack. */
export const stackNameOf = (config: StageConfig) => `Flowgate-${config.name}`;
