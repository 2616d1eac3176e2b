import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { logger } from '../logger';
import { SecretUnavailableError, type UpstreamSecrets } from './upstream-secrets';

export interface AwsUpstreamSecretsOptions {
  client: SecretsManagerClient;
  /** The secrets this function may read (the stack grants exactly these); absent: none configured. */
  arns: { upstreamApiKey?: string; routerPassword?: string };
  /** How long a value read is used before it is read again. */
  maxAgeSeconds: number;
}

/** What Secrets Manager answers for a secret, or a version of it, that does not exist. */
const isNotFound = (err: unknown) =>
  (err as { cause?: { name?: unknown } } | undefined)?.cause?.name === 'ResourceNotFoundException';

/**
 * The UpstreamSecrets port on Secrets Manager, through Powertools Parameters: one
 * GetSecretValue per secret per container, then the cached value until `maxAgeSeconds`
 * pass, and only for the ARNs the function was given.
 */
export class AwsUpstreamSecrets implements UpstreamSecrets {
  private readonly provider: SecretsProvider;

  constructor(private readonly options: AwsUpstreamSecretsOptions) {
    this.provider = new SecretsProvider({ awsSdkV3Client: options.client });
  }

  upstreamApiKey(): Promise<string | undefined> {
    return this.read(this.options.arns.upstreamApiKey);
  }

  routerPassword(): Promise<string | undefined> {
    return this.read(this.options.arns.routerPassword);
  }

  private async read(arn: string | undefined): Promise<string | undefined> {
    if (!arn) return undefined;
    let value: unknown;
    try {
      value = await this.provider.get(arn, { maxAge: this.options.maxAgeSeconds });
    } catch (err) {
      // An imported secret that never got a value is "not configured", not an outage. It
      // is not cached, so the value is used as soon as it is set.
      if (isNotFound(err)) return undefined;
      logger.error('could not read a secret from Secrets Manager', { resource: arn, error: err as Error });
      throw new SecretUnavailableError(arn, err);
    }
    // Both secrets are text (the admin command writes SecretString); a binary one is a mistake.
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new SecretUnavailableError(arn, new Error('the secret holds binary data, not text'));
    return value;
  }
}
