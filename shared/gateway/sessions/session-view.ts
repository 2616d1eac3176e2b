import type { ModelSession } from './session-repository';

/** The session as the API shows it (snake_case, ISO times). */
export function sessionView(session: ModelSession) {
  return {
    session_id: session.sessionId,
    model: session.requestedModel,
    target: session.targetId,
    backend: session.backend,
    is_automated: session.origin === 'automated',
    session_duration: session.durationSeconds,
    created_at: session.createdAt,
    expires_at: new Date(session.expiresAt * 1000).toISOString(),
  };
}

/**
 * Names the target a response's model name routed to: on chat and session opens (errors
 * after routing included) and on the session read. Listing models routes nothing.
 */
export const ROUTED_MODEL_HEADER = 'X-Flowgate-Routed-Model';
