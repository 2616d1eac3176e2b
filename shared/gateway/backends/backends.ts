import OpenAI from 'openai';
import type { UpstreamSecrets } from '../../secrets/upstream-secrets';
import type { BackendKind } from '../model-config';
import { DirectBackend } from './direct-backend';
import { MorpheusBackend } from './morpheus-backend';
import { createNodeFetch } from './node-fetch';
import { BackendUnavailableError, type SessionBackend } from './session-backend';
import { UpstreamCredential } from './upstream-credential';

export interface BackendSettings {
  upstreamBaseUrl?: string;
  morpheusRouterUrl?: string;
  morpheusUsername?: string;
  /** The API key and router password, asked for on each request (Secrets Manager in AWS). */
  secrets: UpstreamSecrets;
  /** The SDK's own deadline; the gateway enforces tighter ones with abort signals. */
  sdkTimeoutMs: number;
}

export type Backends = Readonly<Record<BackendKind, SessionBackend | undefined>>;

/**
 * The SDK insists on an API key at construction. Every request sets its own Authorization
 * header from the current secret, which replaces the Bearer made of this one.
 */
const PLACEHOLDER_KEY = 'set-per-request';

function sdkClient(baseURL: string, timeout: number, fetch: typeof globalThis.fetch) {
  // Retries are the gateway's (it must know whether the client already got a byte);
  // the SDK's logger is off because its error logs can carry request content.
  return new OpenAI({ baseURL, apiKey: PLACEHOLDER_KEY, timeout, maxRetries: 0, logLevel: 'off', fetch });
}

/**
 * One SDK client per backend, built once per cold start; the credentials are not part of
 * it, so a rotated secret needs no new client. A backend without an address is undefined;
 * one with an address but no credential fails each request with 503 backend_unavailable.
 */
export function createBackends(settings: BackendSettings): Backends {
  // One connection pool for the function's upstream calls, reused across invocations.
  const fetch = createNodeFetch();
  const { secrets, sdkTimeoutMs } = settings;
  const direct = settings.upstreamBaseUrl
    ? new DirectBackend(
        sdkClient(settings.upstreamBaseUrl, sdkTimeoutMs, fetch),
        new UpstreamCredential('API key', () => secrets.upstreamApiKey()),
      )
    : undefined;
  let morpheus: MorpheusBackend | undefined;
  if (settings.morpheusRouterUrl) {
    const router = settings.morpheusRouterUrl.replace(/\/+$/, '');
    morpheus = new MorpheusBackend(
      sdkClient(`${router}/v1`, sdkTimeoutMs, fetch),
      sdkClient(router, sdkTimeoutMs, fetch),
      settings.morpheusUsername ?? '',
      new UpstreamCredential('router password', () => secrets.routerPassword()),
    );
  }
  return { direct, morpheus };
}

export function backendFor(backends: Backends, kind: BackendKind): SessionBackend {
  const backend = backends[kind];
  if (!backend) throw new BackendUnavailableError(kind);
  return backend;
}
