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
    last_used_at: new Date(session.lastUsedAt).toISOString(),
  };
}

/**
 * `GET /api/v1/session`: the most recently used session's fields (what a client of one
 * session per key reads), and every active session of the key, most recently used first.
 */
export function sessionListView(sessions: readonly ModelSession[]) {
  const [latest] = sessions;
  if (!latest) throw new Error('sessionListView needs at least one session');
  return { ...sessionView(latest), sessions: sessions.map(sessionView) };
}

/**
 * Names the target a response's model name routed to: on chat and session opens (errors
 * after routing included) and on the session read (the most recently used session's).
 */
export const ROUTED_MODEL_HEADER = 'X-Flowgate-Routed-Model';
