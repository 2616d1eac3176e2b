import { defaultRepositoryDeps, type RepositoryDeps } from '../clients/dynamodb';
import { env } from '../config/env';
import { upstreamSecrets } from '../secrets/upstream-secrets-wiring';
import { AutomationGate } from './automation-gate';
import { AutomationSettingsRepository } from './automation-settings';
import { createBackends, type BackendSettings, type Backends } from './backends/backends';
import { ChatService, type ChatServiceOptions } from './chat/chat-service';
import { KeyLimiter } from './limits/key-limiter';
import { modelConfig, type ModelConfig } from './model-config';
import { ModelRouter } from './model-router';
import { CachedRolloutFlag, RolloutFlagRepository } from './rollout-flag';
import { SessionCache } from './sessions/session-cache';
import { SessionRepository } from './sessions/session-repository';
import { SessionService } from './sessions/session-service';
import { UsageRecorder } from './usage/usage-recorder';
import { UsageRepository } from './usage/usage-repository';

/**
 * How long a request's concurrency slot holds if the request never settles (its function
 * died): the forwarded functions' 300 s timeout, and a margin.
 */
const CONCURRENCY_SLOT_LEASE_MS = 330_000;

export interface GatewayConfig {
  models: ModelConfig;
  strictRouting: boolean;
  automationEnabled: boolean;
  defaults: { isEnabled: boolean; sessionDuration: number };
  backends: BackendSettings;
  chat: ChatServiceOptions;
  sessionOpenTimeoutMs: number;
  sessionCacheMs: number;
  sessionIdleMs: number;
  flagCacheMs: number;
}

/** Everything the gateway routes use, wired together. */
export interface Gateway {
  config: GatewayConfig;
  router: ModelRouter;
  settings: AutomationSettingsRepository;
  rollout: RolloutFlagRepository;
  gate: AutomationGate;
  backends: Backends;
  sessions: SessionService;
  chat: ChatService;
  limiter: KeyLimiter;
  usage: UsageRecorder;
}

export function gatewayConfigFromEnv(): GatewayConfig {
  return {
    models: modelConfig(),
    strictRouting: env.MODEL_ROUTING_STRICT,
    automationEnabled: env.AUTOMATION_FEATURE_ENABLED,
    defaults: { isEnabled: env.AUTOMATION_DEFAULT_ENABLED, sessionDuration: env.DEFAULT_SESSION_EXPIRATION },
    backends: {
      upstreamBaseUrl: env.UPSTREAM_BASE_URL,
      morpheusRouterUrl: env.MORPHEUS_ROUTER_URL,
      morpheusUsername: env.MORPHEUS_ROUTER_USERNAME,
      // Never the values: the backends ask the port for them on each request.
      secrets: upstreamSecrets(),
    },
    chat: {
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      idleTimeoutMs: env.UPSTREAM_STREAM_IDLE_TIMEOUT_MS,
      maxRetries: env.UPSTREAM_MAX_RETRIES,
      retryBaseMs: 100,
    },
    sessionOpenTimeoutMs: env.SESSION_OPEN_TIMEOUT_MS,
    sessionCacheMs: env.SESSION_CACHE_SECONDS * 1000,
    sessionIdleMs: env.SESSION_IDLE_CLOSE_SECONDS * 1000,
    flagCacheMs: env.ROLLOUT_FLAG_CACHE_SECONDS * 1000,
  };
}

export function createGateway(deps: RepositoryDeps, config: GatewayConfig): Gateway {
  const router = new ModelRouter(config.models, { strict: config.strictRouting });
  const settings = new AutomationSettingsRepository(deps, config.defaults);
  const rollout = new RolloutFlagRepository(deps);
  const gate = new AutomationGate(
    config.automationEnabled,
    new CachedRolloutFlag(rollout, config.flagCacheMs),
  );
  const backends = createBackends(config.backends);
  const sessions = new SessionService(
    new SessionRepository(deps, config.sessionIdleMs),
    backends,
    new SessionCache(config.sessionCacheMs),
    {
      openTimeoutMs: config.sessionOpenTimeoutMs,
      closeTimeoutMs: Math.min(config.sessionOpenTimeoutMs, 10_000),
    },
  );
  const chat = new ChatService({ router, sessions, settings, gate, backends }, config.chat);
  const limiter = new KeyLimiter(deps, { slotLeaseMs: CONCURRENCY_SLOT_LEASE_MS });
  const usage = new UsageRecorder(new UsageRepository(deps));
  return { config, router, settings, rollout, gate, backends, sessions, chat, limiter, usage };
}

let instance: Gateway | undefined;

/** The function's gateway, built on first use (once per cold start). */
export function gateway(): Gateway {
  instance ??= createGateway(defaultRepositoryDeps(), gatewayConfigFromEnv());
  return instance;
}
