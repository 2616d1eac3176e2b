import OpenAI from 'openai';
import type { BackendKind } from '../model-config';
import { DirectBackend } from './direct-backend';
import { MorpheusBackend } from './morpheus-backend';
import { createNodeFetch } from './node-fetch';
import { BackendUnavailableError, type SessionBackend } from './session-backend';

export interface BackendSettings {
  upstreamBaseUrl?: string;
  upstreamApiKey?: string;
  morpheusRouterUrl?: string;
  morpheusUsername?: string;
  morpheusPassword?: string;
  /** The SDK's own deadline; the gateway enforces tighter ones with abort signals. */
  sdkTimeoutMs: number;
}

export type Backends = Readonly<Record<BackendKind, SessionBackend | undefined>>;

function sdkClient(
  baseURL: string,
  apiKey: string,
  timeout: number,
  fetch: typeof globalThis.fetch,
  headers: Record<string, string> = {},
) {
  // Retries are the gateway's (it must know whether the client already got a byte);
  // the SDK's logger is off because its error logs can carry request content.
  return new OpenAI({
    baseURL,
    apiKey,
    timeout,
    maxRetries: 0,
    logLevel: 'off',
    defaultHeaders: headers,
    fetch,
  });
}

/** One SDK client per backend, built once per cold start. An unconfigured backend is undefined. */
export function createBackends(settings: BackendSettings): Backends {
  // One connection pool for the function's upstream calls, reused across invocations.
  const fetch = createNodeFetch();
  const direct =
    settings.upstreamBaseUrl && settings.upstreamApiKey
      ? new DirectBackend(
          sdkClient(settings.upstreamBaseUrl, settings.upstreamApiKey, settings.sdkTimeoutMs, fetch),
          [settings.upstreamApiKey],
        )
      : undefined;
  let morpheus: MorpheusBackend | undefined;
  if (settings.morpheusRouterUrl) {
    const router = settings.morpheusRouterUrl.replace(/\/+$/, '');
    const credentials = `${settings.morpheusUsername ?? ''}:${settings.morpheusPassword ?? ''}`;
    const basic = `Basic ${Buffer.from(credentials).toString('base64')}`;
    // The SDK insists on an API key; the Authorization header below replaces its Bearer.
    const headers = { Authorization: basic };
    morpheus = new MorpheusBackend(
      sdkClient(`${router}/v1`, 'proxy-router', settings.sdkTimeoutMs, fetch, headers),
      sdkClient(router, 'proxy-router', settings.sdkTimeoutMs, fetch, headers),
      [basic, ...(settings.morpheusPassword ? [settings.morpheusPassword] : [])],
    );
  }
  return { direct, morpheus };
}

export function backendFor(backends: Backends, kind: BackendKind): SessionBackend {
  const backend = backends[kind];
  if (!backend) throw new BackendUnavailableError(kind);
  return backend;
}
