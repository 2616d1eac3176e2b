import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, BadRequestError, NotFoundError } from '../../errors';
import type { Identity } from '../../http/request';
import type { Logger } from '../../logger';
import type { AutomationGate } from '../automation-gate';
import { noSessionError } from '../automation-gate';
import type { AutomationSettingsRepository } from '../automation-settings';
import { backendFor, type Backends } from '../backends/backends';
import { Deadline } from '../backends/deadline';
import {
  classifyUpstreamError,
  isRetryable,
  toClientError,
  UpstreamFailure,
} from '../backends/upstream-errors';
import { isServerFailure, routeCounted, type RequestMetrics } from '../metrics';
import type { ModelRouter, RoutedModel } from '../model-router';
import type { ModelSession } from '../sessions/session-repository';
import type { OpenSpec, SessionService } from '../sessions/session-service';
import { CHAT, RESPONSES_TERMINAL_EVENTS, type Operation } from '../operations';
import { usageHidden, usageIn, withUsageRequested, type UsageMeter } from '../usage/token-usage';
import { upstreamBody, type GatewayRequest } from './chat-request';
import { SSE_DONE, sseError, sseEvent, sseEvents, sseResponsesError, type SseEvent } from './sse';

export interface ChatServiceOptions {
  /** Non-streaming: the whole answer; streaming: until the first event. */
  timeoutMs: number;
  /** Streaming: the longest pause between two events. */
  idleTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
}

export interface ChatDeps {
  router: ModelRouter;
  sessions: SessionService;
  settings: AutomationSettingsRepository;
  gate: AutomationGate;
  backends: Backends;
}

export interface ChatCall {
  identity: Identity;
  request: GatewayRequest;
  /** Which OpenAI endpoint (default: chat completions). */
  operation?: Operation;
  log: Logger;
  metrics: RequestMetrics;
  /** The API request's id, passed to upstreams that trace requests by one. */
  requestId?: string;
  /**
   * `settings` (chat): a missing session is opened only when automation is on for the
   * user (seed rules). `always`: internal callers that need an answer regardless, such
   * as drafting a plan the user asked for.
   */
  autoOpen?: 'settings' | 'always';
  /** Called as soon as the target is known, so even errors can name it. */
  onRouted?(routed: RoutedModel): void;
}

/** `meter` has the call's tokens once the answer is complete (a stream's at its end). */
export type ChatResult = { routed: RoutedModel; session: ModelSession; meter: UsageMeter } & (
  { kind: 'json'; text: string } | { kind: 'stream'; stream: AsyncGenerator<string> }
);

type Sent =
  | { kind: 'json'; session: ModelSession; text: string; parsed: Record<string, unknown> }
  | {
      kind: 'stream';
      session: ModelSession;
      first: SseEvent;
      events: AsyncGenerator<SseEvent>;
      deadline: Deadline;
    };

/** The upstream's answer (or stream event); throws for one that is not the endpoint's own. */
function checkPayload(operation: Operation, data: string, event?: string): Record<string, unknown> {
  const parsed = JSON.parse(data) as unknown;
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !operation.isAnswer(parsed as Record<string, unknown>, event)
  )
    throw new UpstreamFailure('server_error', 'The upstream sent an error in place of an answer');
  return parsed as Record<string, unknown>;
}

/**
 * A stream event as the caller gets it when the gateway asked for usage the caller did
 * not: the usage chunk is withheld (undefined) and the `usage: null` on other chunks dropped.
 */
function withoutUsage(data: string, parsed: Record<string, unknown>): string | undefined {
  if (!('usage' in parsed)) return data;
  if (parsed.usage !== null && Array.isArray(parsed.choices) && parsed.choices.length === 0) return undefined;
  const { usage: _usage, ...rest } = parsed;
  return JSON.stringify(rest);
}

/** OpenAI's 400 for an endpoint the model's backend does not have. */
function unsupported(operation: Operation, routed: RoutedModel): BadRequestError {
  return new BadRequestError(
    `The model '${routed.requested}' routes to ${routed.target.id}, whose backend does not serve /v1${operation.path}`,
    'unsupported_endpoint',
    { openaiType: 'invalid_request_error', param: 'model' },
  );
}

/**
 * OpenAI-compatible chat completions through a model session (the blueprint's chat
 * rules). Everything that can fail, including retries and one session renewal, happens
 * before the caller gets a byte; once a stream runs, a failure ends it with an SSE
 * `error` event and never with `[DONE]`.
 */
export class ChatService {
  constructor(
    private readonly deps: ChatDeps,
    private readonly options: ChatServiceOptions,
  ) {}

  /** What the caller does once the answer is out (see SessionService.recordUse). */
  recordUse(session: ModelSession): Promise<void> {
    return this.deps.sessions.recordUse(session);
  }

  async complete(call: ChatCall): Promise<ChatResult> {
    const started = Date.now();
    const routed = routeCounted(this.deps.router, call.request.model, call.metrics);
    call.onRouted?.(routed);
    // On the automated path once it uses an automated session or opens one by itself.
    const path = { automated: false };
    const operation = call.operation ?? CHAT;
    let sent: Sent;
    let served: RoutedModel;
    try {
      ({ sent, served } = await this.firstAnswer(call, operation, routed, path));
    } catch (err) {
      call.metrics.chatEnded(path.automated, isServerFailure(err));
      throw err;
    }
    const automated = sent.session.origin === 'automated';
    if (sent.kind === 'json') {
      call.metrics.chatCompleted(automated, Date.now() - started);
      call.metrics.chatEnded(automated, false);
      const meter = { tokens: usageIn(sent.parsed) };
      return { kind: 'json', routed: served, session: sent.session, text: sent.text, meter };
    }
    const meter: UsageMeter = {};
    return {
      kind: 'stream',
      routed: served,
      session: sent.session,
      meter,
      stream: this.relay(call, operation, sent, { started, automated, meter }),
    };
  }

  /**
   * The first target that answers: the routed one, then the mapping's fallbacks in order,
   * each after a failure that is not the caller's (429, 5xx, a connection error or a
   * timeout, retries on that target spent), all before the caller has a byte. A request
   * that names its session is bound to that session's target and has no fallback.
   */
  private async firstAnswer(
    call: ChatCall,
    operation: Operation,
    routed: RoutedModel,
    path: { automated: boolean },
  ): Promise<{ sent: Sent; served: RoutedModel }> {
    const chain = call.request.session_id ? [routed.target] : [routed.target, ...routed.fallbacks];
    const stream = operation.stream !== undefined && call.request.stream === true;
    for (let i = 0; ; i++) {
      const attempt: RoutedModel = i === 0 ? routed : { ...routed, target: chain[i]!, fallbacks: [] };
      try {
        if (!backendFor(this.deps.backends, attempt.target.backend).serves(operation))
          throw unsupported(operation, attempt);
        const session = await this.resolveSession(call, attempt, path);
        path.automated = session.origin === 'automated';
        const asked = upstreamBody(call.request, attempt.target.model);
        const body = usageHidden(operation, call.request, stream) ? withUsageRequested(asked) : asked;
        return { sent: await this.send(call, operation, attempt, session, body, stream), served: attempt };
      } catch (err) {
        const next = chain[i + 1];
        if (!next || !(err instanceof AppError) || (err.statusCode !== 429 && err.statusCode < 500))
          throw err;
        call.metrics.fellBack(attempt.target.id);
        call.log.warn('target failed; trying the next one', {
          from: attempt.target.id,
          to: next.id,
          status: err.statusCode,
          code: err.code,
        });
        call.onRouted?.({ ...routed, target: next, fallbacks: [] });
      }
    }
  }

  /**
   * The session for the request's target model: the one `session_id` names, else the key's
   * session for that target, else one opened now (the automation rules decide). A key's
   * sessions for other models are never touched.
   */
  private async resolveSession(
    call: ChatCall,
    routed: RoutedModel,
    path?: { automated: boolean },
  ): Promise<ModelSession> {
    const { keyId } = call.identity;
    const targetId = routed.target.id;
    const wanted = call.request.session_id;
    if (wanted) {
      let session = this.deps.sessions.cached(keyId, targetId);
      if (session?.sessionId !== wanted) session = await this.deps.sessions.find(keyId, wanted);
      if (!session)
        throw new NotFoundError(
          `Session '${wanted}' is not an active session of this API key`,
          'session_not_found',
          { openaiType: 'session_not_found', param: 'session_id' },
        );
      if (session.targetId !== targetId)
        throw new BadRequestError(
          `Session '${wanted}' is for ${session.targetId}, but model '${call.request.model}' routes to ${targetId}`,
          'session_model_mismatch',
          { openaiType: 'invalid_request_error', param: 'session_id' },
        );
      return session;
    }
    const current = await this.deps.sessions.current(keyId, targetId);
    if (current) return current;
    const obtained = await this.deps.sessions.obtainShared(
      {
        identity: call.identity,
        target: routed.target,
        requestedModel: call.request.model,
        mustReplace: () => false,
        openSpec: async () => {
          const spec = await this.openSpec(call);
          if (path) path.automated = true;
          return spec;
        },
        closeReplaced: false,
      },
      call,
    );
    if (!obtained) throw noSessionError('user_disabled');
    return obtained.session;
  }

  /** When a session may be opened without the caller asking: the seed's automation rules. */
  private async openSpec(call: ChatCall): Promise<OpenSpec> {
    const { userId } = call.identity;
    if (call.autoOpen !== 'always') {
      const access = await this.deps.gate.access(userId);
      if (access !== 'available') throw noSessionError(access);
    }
    const settings = await this.deps.settings.effective(userId);
    if (!settings.isEnabled && call.autoOpen !== 'always') throw noSessionError('user_disabled');
    return { durationSeconds: settings.sessionDuration, origin: 'automated', reason: 'automation' };
  }

  private async send(
    call: ChatCall,
    operation: Operation,
    routed: RoutedModel,
    initial: ModelSession,
    body: Record<string, unknown>,
    stream: boolean,
  ): Promise<Sent> {
    let session = initial;
    let attempt = 0;
    let renewed = false;
    for (;;) {
      const backend = backendFor(this.deps.backends, session.backend);
      const deadline = new Deadline(this.options.timeoutMs);
      try {
        const response = await backend.send({
          operation,
          body,
          sessionId: session.sessionId,
          target: routed.target,
          requestId: call.requestId,
          signal: deadline.signal,
        });
        if (!stream) {
          const text = await response.text();
          deadline.disarm();
          return { kind: 'json', session, text, parsed: checkPayload(operation, text) };
        }
        const events = sseEvents(response.body);
        const first = await events.next();
        if (first.done)
          throw new UpstreamFailure('stream_interrupted', 'The upstream stream ended before any event');
        if (first.value.data !== '[DONE]') checkPayload(operation, first.value.data, first.value.event);
        return { kind: 'stream', session, first: first.value, events, deadline };
      } catch (err) {
        deadline.abort();
        const failure = classifyUpstreamError(err, {
          timedOut: deadline.timedOut,
          isSessionGone: (e) => backend.isSessionGone(e),
        });
        call.metrics.upstreamError(failure.kind);
        if (failure.kind === 'session_gone' && !renewed) {
          renewed = true;
          call.log.info('upstream session gone; renewing it', { sessionId: session.sessionId });
          session =
            (await this.deps.sessions.renew(call.identity, session, routed.target, call)) ??
            (await this.resolveSession(
              { ...call, request: { ...call.request, session_id: undefined } },
              routed,
            ));
          continue;
        }
        if (isRetryable(failure) && attempt < this.options.maxRetries) {
          attempt += 1;
          call.log.warn('upstream failed; retrying', {
            kind: failure.kind,
            status: failure.details.status,
            attempt,
          });
          await sleep(this.options.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
          continue;
        }
        call.log.warn('upstream failed', {
          kind: failure.kind,
          status: failure.details.status,
          attempts: attempt + 1,
        });
        throw toClientError(failure, backend.secrets);
      }
    }
  }

  /** Reads to the end after `[DONE]`, so the upstream connection goes back to the pool. */
  private async drain(events: AsyncGenerator<SseEvent>, deadline: Deadline): Promise<void> {
    deadline.arm(this.options.idleTimeoutMs);
    try {
      while (!(await events.next()).done);
    } catch {
      // The answer is complete; what happens to the connection afterwards is not the caller's concern.
    }
  }

  /**
   * Passes the upstream's events through one by one, names included. A stream ends as the
   * upstream ended it (`[DONE]`, or a terminal `response.*` event); one that breaks or stops
   * short ends with an error event of the endpoint's own kind instead.
   */
  private async *relay(
    call: ChatCall,
    operation: Operation,
    sent: Extract<Sent, { kind: 'stream' }>,
    run: { started: number; automated: boolean; meter: UsageMeter },
  ): AsyncGenerator<string> {
    const { events, deadline } = sent;
    const { started, automated, meter } = run;
    const secrets = this.deps.backends[sent.session.backend]?.secrets ?? [];
    const hideUsage = usageHidden(operation, call.request, true);
    let next: SseEvent | undefined = sent.first;
    let failed = false;
    let sequence = 0;
    let firstByte = true;
    try {
      while (next) {
        if (operation.stream === 'done' && next.data === '[DONE]') {
          yield SSE_DONE;
          await this.drain(events, deadline);
          return;
        }
        const parsed = checkPayload(operation, next.data, next.event);
        meter.tokens = usageIn(parsed) ?? meter.tokens;
        const data = hideUsage ? withoutUsage(next.data, parsed) : next.data;
        if (data !== undefined) {
          yield sseEvent(data, next.event);
          if (firstByte) call.metrics.firstByte(automated, Date.now() - started);
          firstByte = false;
        }
        if (operation.stream === 'typed') {
          if (typeof parsed.sequence_number === 'number') sequence = parsed.sequence_number + 1;
          if (typeof parsed.type === 'string' && RESPONSES_TERMINAL_EVENTS.has(parsed.type)) {
            await this.drain(events, deadline);
            return;
          }
        }
        deadline.arm(this.options.idleTimeoutMs);
        const read: IteratorResult<SseEvent> = await events.next();
        next = read.done ? undefined : read.value;
      }
      throw new UpstreamFailure('stream_interrupted', 'The upstream ended the stream before its end');
    } catch (err) {
      let failure = classifyUpstreamError(err, { timedOut: deadline.timedOut });
      if (failure.kind === 'connection')
        failure = new UpstreamFailure('stream_interrupted', 'The upstream connection broke mid-stream', {
          cause: err,
        });
      call.metrics.upstreamError(failure.kind);
      call.log.warn('upstream stream failed', { kind: failure.kind });
      failed = true;
      const error = toClientError(failure, secrets);
      yield operation.stream === 'typed' ? sseResponsesError(error, sequence) : sseError(error);
    } finally {
      deadline.abort();
      call.metrics.chatCompleted(automated, Date.now() - started);
      call.metrics.chatEnded(automated, failed);
    }
  }
}
