import { randomBytes } from 'node:crypto';
import type { SessionBackend, UpstreamRequest } from './session-backend';
import type { UpstreamClient } from './upstream-client';
import type { UpstreamResponse } from './upstream-transport';
import type { UpstreamCredential } from './upstream-credential';

/**
 * Any OpenAI-compatible upstream (base URL from env, key from the secrets port). Sessions
 * are logical: they live only in DynamoDB, so opening and closing never call the upstream.
 */
export class DirectBackend implements SessionBackend {
  readonly kind = 'direct' as const;

  constructor(
    private readonly client: UpstreamClient,
    private readonly apiKey: UpstreamCredential,
  ) {}

  get secrets(): readonly string[] {
    return this.apiKey.known;
  }

  /** Reads the key although nothing is sent: a backend without one fails before a session is recorded. */
  async openSession(): Promise<string> {
    await this.apiKey.current();
    return `sess_${randomBytes(16).toString('hex')}`;
  }

  async closeSession(): Promise<void> {
    // Nothing exists upstream to close.
  }

  /** An OpenAI-compatible server may have any of the endpoints; one it lacks answers 404 itself. */
  serves(): boolean {
    return true;
  }

  async send({ operation, body, signal }: UpstreamRequest): Promise<UpstreamResponse> {
    // The key the secrets port has now, so a rotated one is used without a redeploy.
    const key = await this.apiKey.current();
    return this.client.post(operation.path, { body, signal, headers: { authorization: `Bearer ${key}` } });
  }

  isSessionGone(): boolean {
    return false;
  }
}
