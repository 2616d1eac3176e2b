import type { UpstreamSecrets } from '../../shared/secrets/upstream-secrets';

/**
 * The UpstreamSecrets port with values a test sets and changes (a rotation), counting
 * how often each was asked for.
 */
export class SettableSecrets implements UpstreamSecrets {
  reads = { upstreamApiKey: 0, routerPassword: 0 };

  constructor(public values: { upstreamApiKey?: string; routerPassword?: string } = {}) {}

  async upstreamApiKey(): Promise<string | undefined> {
    this.reads.upstreamApiKey += 1;
    return this.values.upstreamApiKey;
  }

  async routerPassword(): Promise<string | undefined> {
    this.reads.routerPassword += 1;
    return this.values.routerPassword;
  }
}
