import type { APIError } from 'openai';
import type { ModelTarget } from '../model-config';
import type { Operation } from '../operations';
import type { SessionBackend, UpstreamRequest } from './session-backend';
import type { UpstreamClient } from './upstream-client';
import type { UpstreamResponse } from './upstream-transport';
import type { UpstreamCredential } from './upstream-credential';
import { UpstreamFailure, upstreamMessage } from './upstream-errors';

const HEX32 = /^0x[0-9a-fA-F]{64}$/;

/**
 * The Morpheus proxy-router (HTTP basic auth):
 *   open   POST {router}/blockchain/models/{modelId}/session  {"sessionDuration":N,…} → {"sessionID":"0x…"}
 *   chat   POST {router}/v1/chat/completions with headers `session_id`, `model_id` and
 *          `x-request-id`: the router tells concurrent requests apart by the request id
 *          (it makes one up when none is sent) and checks the model against the session
 *   close  POST {router}/blockchain/sessions/{id}/close
 * The router serves `/v1/chat/completions` and `/v1/embeddings` (with the same headers);
 * it has no `/v1/completions` or `/v1/responses`. Two clients share the credentials: one
 * rooted at `{router}/v1` for chat, one at `{router}` for the session calls. The basic-auth header is built on every request from
 * the password the secrets port has now, so a rotated password is used without a redeploy.
 */
export class MorpheusBackend implements SessionBackend {
  readonly kind = 'morpheus' as const;

  constructor(
    private readonly chatClient: UpstreamClient,
    private readonly routerClient: UpstreamClient,
    private readonly username: string,
    private readonly password: UpstreamCredential,
  ) {}

  /** Each password seen, and the header token made of it. */
  get secrets(): readonly string[] {
    return this.password.known.flatMap((password) => [this.token(password), password]);
  }

  private token(password: string): string {
    return Buffer.from(`${this.username}:${password}`).toString('base64');
  }

  private async auth(): Promise<{ authorization: string }> {
    return { authorization: `Basic ${this.token(await this.password.current())}` };
  }

  async openSession(target: ModelTarget, durationSeconds: number, signal: AbortSignal): Promise<string> {
    if (target.backend !== 'morpheus') throw new Error(`Target ${target.id} is not a Morpheus target`);
    const answer = (await this.routerClient.postForJson(`/blockchain/models/${target.blockchainId}/session`, {
      body: { sessionDuration: durationSeconds, failover: false, directPayment: false },
      headers: await this.auth(),
      signal,
    })) as { sessionID?: unknown } | undefined;
    const id = answer?.sessionID;
    if (typeof id !== 'string' || !HEX32.test(id))
      throw new UpstreamFailure('malformed_response', 'The proxy-router returned no valid sessionID');
    return id;
  }

  async closeSession(sessionId: string, signal: AbortSignal): Promise<void> {
    const closed = await this.routerClient.post(`/blockchain/sessions/${sessionId}/close`, {
      headers: await this.auth(),
      signal,
    });
    await closed.text();
  }

  serves(operation: Operation): boolean {
    return operation.name === 'chat' || operation.name === 'embeddings';
  }

  async send({
    operation,
    body,
    sessionId,
    target,
    requestId,
    signal,
  }: UpstreamRequest): Promise<UpstreamResponse> {
    if (target.backend !== 'morpheus') throw new Error(`Target ${target.id} is not a Morpheus target`);
    const headers = {
      ...(await this.auth()),
      session_id: sessionId,
      model_id: target.blockchainId,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    };
    return this.chatClient.post(operation.path, { body, signal, headers });
  }

  /**
   * The router answers 500 `{"error":"session expired"}` / `{"error":"session not found"}`,
   * or relays its provider's `session expired` / `session cannot be loaded`.
   */
  isSessionGone(err: APIError): boolean {
    return /session (expired|not found|cannot be loaded)/i.test(upstreamMessage(err) ?? '');
  }
}
