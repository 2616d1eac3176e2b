import { RemovalPolicy } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { namePrefix, type Stage } from '../stage-config';

/** The secrets a stage's gateway reads, by the name `npm run admin -- secret set <name>` takes. */
export const UPSTREAM_SECRET_NAMES = ['upstream-api-key', 'morpheus-router-password'] as const;
export type UpstreamSecretName = (typeof UPSTREAM_SECRET_NAMES)[number];

/** `flowgate/<stage>/<name>`: where the stack keeps a secret it created. */
export const secretNameOf = (stage: string, name: UpstreamSecretName) => `flowgate/${stage}/${name}`;

/**
 * What the gateway needs to reach a model in this stage: the upstream URLs and user (plain
 * configuration, as environment variables), the stage's model routing, and the upstream
 * API key and router password, which stay in Secrets Manager (the stack creates them, or
 * uses the ARNs the stage names). Only functions granted `llm:upstream` may read them.
 */
export class LlmUpstream extends Construct {
  readonly apiKey?: secretsmanager.ISecret;
  readonly routerPassword?: secretsmanager.ISecret;
  private readonly settings: Record<string, string>;
  private readonly models: Record<string, string>;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    const { config, modelJson } = props.stage;
    const secret = (
      constructId: string,
      name: UpstreamSecretName,
      arn: string | undefined,
      description: string,
    ) =>
      arn
        ? secretsmanager.Secret.fromSecretCompleteArn(this, constructId, arn)
        : this.created(constructId, name, description, props.stage);
    if (config.upstream.baseUrl)
      this.apiKey = secret(
        'ApiKey',
        'upstream-api-key',
        config.upstream.apiKeySecretArn,
        'API key of the OpenAI-compatible upstream',
      );
    if (config.morpheus.routerUrl)
      this.routerPassword = secret(
        'RouterPassword',
        'morpheus-router-password',
        config.morpheus.passwordSecretArn,
        'password of the Morpheus proxy-router',
      );
    this.models = { MODEL_MAPPINGS_JSON: modelJson.mappings, MODEL_TARGETS_JSON: modelJson.targets };
    this.settings = {
      ...(config.upstream.baseUrl ? { UPSTREAM_BASE_URL: config.upstream.baseUrl } : {}),
      ...(this.apiKey ? { UPSTREAM_API_KEY_SECRET_ARN: this.apiKey.secretArn } : {}),
      ...(config.morpheus.routerUrl ? { MORPHEUS_ROUTER_URL: config.morpheus.routerUrl } : {}),
      ...(config.morpheus.username ? { MORPHEUS_ROUTER_USERNAME: config.morpheus.username } : {}),
      ...(this.routerPassword ? { MORPHEUS_ROUTER_PASSWORD_SECRET_ARN: this.routerPassword.secretArn } : {}),
    };
  }

  private created(
    constructId: string,
    name: UpstreamSecretName,
    description: string,
    stage: Stage,
  ): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, constructId, {
      secretName: secretNameOf(stage.config.name, name),
      description: `${namePrefix(stage.config)}: ${description}. Set it with npm run admin -- secret set ${name}`,
      // A placeholder until it is set: the upstream refuses it, and the gateway says so (502).
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      // Nothing else depends on it, and it can be set again: it goes with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      secret,
      'AwsSolutions-SMG4',
      "A key issued by a third party (the LLM provider, the router's operator): it is rotated there, then stored with `npm run admin -- secret set`, which the functions pick up within 5 minutes.",
    );
    return secret;
  }

  /** The stage's model routing: every gateway function routes model names. */
  grantModels(fn: LambdaFunction): void {
    for (const [name, value] of Object.entries(this.models)) fn.addEnvironment(name, value);
  }

  /** Routing, the upstream addresses, and read access to exactly the two secrets. */
  grantUpstream(fn: LambdaFunction & IGrantable): void {
    this.grantModels(fn);
    for (const [name, value] of Object.entries(this.settings)) fn.addEnvironment(name, value);
    this.apiKey?.grantRead(fn);
    this.routerPassword?.grantRead(fn);
  }
}
