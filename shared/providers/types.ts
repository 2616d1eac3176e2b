import type { TokenUsage } from '../gateway/usage/token-usage';
import type * as z from 'zod';
import type { Logger } from '../logger';

/**
 * The provider contract shared by the registry, the plan validator and the engine.
 * One folder per provider under shared/providers/<id>/ exports a `ProviderDefinition`.
 */
export type CredentialType = 'api_key' | 'token' | 'oauth' | 'custom' | 'none';

/** What a provider is for, as /api/providers filters it. */
export const PROVIDER_CATEGORIES = [
  'ai',
  'messaging',
  'email',
  'productivity',
  'developer',
  'crm',
  'support',
  'marketing',
  'commerce',
  'payments',
  'finance',
  'data',
  'storage',
  'analytics',
  'social',
  'utility',
] as const;
export type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number];

/**
 * How a provider is known to work, as the listing states it:
 * - `wire-tested`: a loopback fake written from the vendor's documented wire format checks
 *   the exact request and answers with a real-shaped response;
 * - `documented`: checked against the vendor's API reference only;
 * - `local`: runs inside Flowgate and calls no vendor (tested directly);
 * - `user-defined`: a custom integration, as its owner described it.
 */
export const VERIFICATION_LEVELS = ['wire-tested', 'documented', 'local', 'user-defined'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** What every action returns. `output` is stored (truncated and redacted) in the run's step log. */
export interface ProviderResult {
  success: boolean;
  output: unknown;
  message: string;
  /**
   * Only the `data.condition` action sets this: when its condition is false it gates the
   * steps after it (`skip_remaining`: they are skipped and the run succeeds; `stop`: the
   * run ends as failed).
   */
  control?: 'skip_remaining' | 'stop';
  /** An LLM action's tokens, as its API reported them: they appear in the run's log. */
  usage?: TokenUsage;
}

/**
 * Thrown by an action (usually by the outbound HTTP client) when the failure is worth
 * retrying: a network error, a 429 or a 5xx. Anything else thrown fails the step at once.
 */
export class RetryableProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** From a `Retry-After` header, when the upstream sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableProviderError';
  }
}

export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text (capped in size by the client). */
  body: string;
}

/**
 * HTTP for providers. Every user-influenced URL goes through it: scheme check, DNS
 * resolution with private/loopback/metadata ranges denied, the connection pinned to
 * the checked address, every redirect re-checked, response size and time capped.
 * It throws RetryableProviderError for network errors, 429 and 5xx.
 */
export interface OutboundHttp {
  request(req: OutboundRequest): Promise<OutboundResponse>;
}

export interface ActionContext {
  userId: string;
  runId: string;
  stepId: string;
  /** The caller's decrypted credential for this provider, if the provider needs one. */
  credential?: string;
  http: OutboundHttp;
  /** Aborted when the step's timeout or the run's deadline passes. */
  signal: AbortSignal;
  log: Logger;
}

export interface ActionDefinition<P extends z.ZodType = z.ZodType> {
  description: string;
  params: P;
  /** The params' JSON Schema as written, when the action has one (manifests); else derived from `params`. */
  paramsJsonSchema?: unknown;
  execute(params: z.infer<P>, ctx: ActionContext): Promise<ProviderResult>;
  /**
   * Running it twice has the effect of running it once (a read, a pure transform, a PUT).
   * Only such a step may run again when a run resumes after its executor was lost in the
   * middle of it. A function decides from the step's params as written in the plan, before
   * templating. Absent: not idempotent.
   */
  idempotent?: boolean | ((params: Record<string, unknown>) => boolean);
}

export interface ProviderDefinition {
  /** The provider id used in plan steps, e.g. `slack` or `custom_<id>`. */
  name: string;
  title: string;
  credentialType: CredentialType;
  category: ProviderCategory;
  /** One line on what it does, for the listing and the drafter's provider picker. */
  description: string;
  /** The vendor's API reference (absent for Flowgate's own and user-defined providers). */
  docsUrl?: string;
  verification: VerificationLevel;
  /** What to store as the credential, when it is more than one secret string. */
  credentialHint?: string;
  actions: Record<string, ActionDefinition>;
}
