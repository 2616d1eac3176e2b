import type { UpstreamSecrets } from '../../secrets/upstream-secrets';
import type { BackendKind } from '../model-config';
import { DirectBackend } from './direct-backend';
import { MorpheusBackend } from './morpheus-backend';
import { BackendUnavailableError, type SessionBackend } from './session-backend';
import { UpstreamClient } from './upstream-client';
import { UpstreamCredential } from './upstream-credential';
import { createUpstreamTransport } from './upstream-transport';

export interface BackendSettings {
  upstreamBaseUrl?: string;
  morpheusRouterUrl?: string;
  morpheusUsername?: string;
  /** The API key and router password, asked for on each request (Secrets Manager in AWS). */
  secrets: UpstreamSecrets;
}

export type Backends = Readonly<Record<BackendKind, SessionBackend | undefined>>;

/**
 * One client per upstream, built once per cold start; the credentials are not part of it,
 * so a rotated secret needs no new client. Deadlines are the gateway's abort signals. A
 * backend without an address is undefined; one with an address but no credential fails
 * each request with 503 backend_unavailable.
 */
export function createBackends(settings: BackendSettings): Backends {
  // One connection pool for the function's upstream calls, reused across invocations.
  const transport = createUpstreamTransport();
  const { secrets } = settings;
  const direct = settings.upstreamBaseUrl
    ? new DirectBackend(
        new UpstreamClient(settings.upstreamBaseUrl, transport),
        new UpstreamCredential('API key', () => secrets.upstreamApiKey()),
      )
    : undefined;
  let morpheus: MorpheusBackend | undefined;
  if (settings.morpheusRouterUrl) {
    const router = settings.morpheusRouterUrl.replace(/\/+$/, '');
    morpheus = new MorpheusBackend(
      new UpstreamClient(`${router}/v1`, transport),
      new UpstreamClient(router, transport),
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
