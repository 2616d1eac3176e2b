/**
 * The gateway metrics' names, dimensions and fixed dimension values, in a module with no
 * imports: shared/gateway/metrics.ts writes them, and the CDK stack builds its dashboard
 * and alarms from them without loading the runtime's env parsing or Powertools.
 */
export const GATEWAY_METRICS = {
  namespace: 'Flowgate',
  automatedSessionCreations: 'AutomatedSessionCreations',
  sessionCreations: 'SessionCreations',
  sessionCreationLatency: 'SessionCreationLatency',
  sessionCreationFailures: 'SessionCreationFailures',
  /** Count, one per session closed; dimension Reason (SESSION_CLOSE_REASONS). */
  sessionsClosed: 'SessionsClosed',
  chatLatency: 'ChatLatency',
  chatTimeToFirstByte: 'ChatTimeToFirstByte',
  /** Count, one per chat request that got as far as a session decision; dimension Automated. */
  chatRequests: 'ChatRequests',
  /** Count, one per such request that failed on the server side (5xx, or an error event mid-stream). */
  chatErrors: 'ChatErrors',
  routedRequests: 'RoutedRequests',
  /** Count, one per model name the router did not know; dimension Outcome. */
  routingErrors: 'RoutingErrors',
  upstreamErrors: 'UpstreamErrors',
  /** Count, one per target that failed before answering and was followed by the next; dimension FallbackFrom. */
  modelFallbacks: 'ModelFallbacks',
  /** Count, one per user whose automation setting flipped; dimension Change. */
  automationSettingsChanged: 'AutomationSettingsChanged',
} as const;

export const GATEWAY_DIMENSIONS = {
  automated: 'Automated',
  backend: 'Backend',
  reason: 'Reason',
  errorType: 'ErrorType',
  routedModel: 'RoutedModel',
  outcome: 'Outcome',
  change: 'Change',
  fallbackFrom: 'FallbackFrom',
} as const;

/** RoutingErrors' Outcome: the name went to `default` (lenient routing) or was a 404 (strict). */
export const ROUTING_OUTCOMES = ['fallback', 'refused'] as const;
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number];

/** AutomationSettingsChanged's Change. */
export const SETTINGS_CHANGES = ['enabled', 'disabled'] as const;
export type SettingsChange = (typeof SETTINGS_CHANGES)[number];

/** SessionsClosed's Reason: asked for, replaced by an explicit open, unused too long, expired, or a lost open race. */
export const SESSION_CLOSE_REASONS = ['request', 'replaced', 'idle', 'expired', 'lease_lost'] as const;
export type SessionCloseReason = (typeof SESSION_CLOSE_REASONS)[number];
