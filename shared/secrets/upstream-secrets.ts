/**
 * The gateway's two upstream credentials, read from where they live: Secrets Manager in
 * AWS, the environment in the local stack. Callers ask on every request; an adapter
 * answers a warm call from its cache without I/O, so a rotated value is picked up within
 * the cache's bound and never needs a redeploy.
 */
export interface UpstreamSecrets {
  /** The `direct` upstream's API key; undefined when this function has none configured. */
  upstreamApiKey(): Promise<string | undefined>;
  /** The Morpheus proxy-router's password; undefined when this function has none configured. */
  routerPassword(): Promise<string | undefined>;
}

/**
 * A secret is configured but could not be read (no permission, throttled, Secrets
 * Manager unreachable). The message names the secret, never its value.
 */
export class SecretUnavailableError extends Error {
  constructor(secretId: string, cause: unknown) {
    super(`Could not read the secret ${secretId}`, { cause });
    this.name = 'SecretUnavailableError';
  }
}
