import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../../clients/dynamodb';
import { isConditionalFailure } from '../../db/conditions';
import type { Identity } from '../../http/request';
import type { KeyLimits } from '../../identity/key-limits';
import type { TokenUsage } from '../usage/token-usage';
import { rateLimitHeaders, refusal, refusals, type RefusalReason } from './limit-refusal';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A contended key settles within a few rounds; past that the request waits its turn like any refused one. */
const MAX_ROUNDS = 6;

/** The key's counters, one item per key: this minute, this UTC day, the requests in flight. */
export interface LimitState {
  minute: number;
  day: number;
  requests: number;
  tokens: number;
  dayTokens: number;
  /** Slot id → when it lapses (epoch ms), in case its request never settles. */
  inflight: Record<string, number>;
}

interface Window {
  minute: number;
  day: number;
}

const stateKey = (keyId: string) => ({ PK: `APIKEY#${keyId}`, SK: 'LIMITS' });
const NAMES = { '#minute': 'minute', '#day': 'day' };

function toState(item: Record<string, unknown>): LimitState {
  return {
    minute: item.minute as number,
    day: item.day as number,
    requests: (item.requests as number) ?? 0,
    tokens: (item.tokens as number) ?? 0,
    dayTokens: (item.dayTokens as number) ?? 0,
    inflight: (item.inflight as Record<string, number>) ?? {},
  };
}

/** The most a counter may hold before a request of `need` more is admitted (an empty window always admits one). */
const room = (limit: number, need: number) => Math.max(0, limit - need);

/**
 * A key's limits across every Lambda instance: one conditional, atomic update per request
 * on the key's counter item decides, before the upstream is called. Once the response is
 * done, `settle` replaces the token estimate with what was used and frees the request's
 * concurrency slot. A slot whose request never settles (its function died) lapses after
 * `slotLeaseMs`, the longest a request can run.
 */
export class KeyLimiter {
  constructor(
    private readonly deps: RepositoryDeps,
    private readonly options: { slotLeaseMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Undefined for a key without limits: no DynamoDB call at all. Throws the 429 when over a limit. */
  async admit(identity: Identity, estimate: () => number): Promise<Admission | undefined> {
    const { keyId, limits } = identity;
    if (!limits) return undefined;
    const tokens = limits.tokensPerMinute || limits.tokensPerDay ? estimate() : 0;
    const slot = limits.concurrentRequests ? randomBytes(9).toString('base64url') : undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = this.now();
      const window = { minute: Math.floor(now / MINUTE_MS), day: Math.floor(now / DAY_MS) };
      const admitted =
        (await this.counted(keyId, limits, window, tokens, slot, now)) ??
        (await this.afterRefusal(keyId, limits, window, tokens, slot, now));
      if (admitted)
        return new Admission(this.deps, this.now, {
          keyId,
          limits,
          window,
          estimate: tokens,
          slot,
          headers: rateLimitHeaders(limits, admitted, now),
        });
    }
    throw refusals.contended(limits);
  }

  /** The usual case: this minute's and this day's counters exist and have room. */
  private async counted(
    keyId: string,
    limits: KeyLimits,
    window: Window,
    tokens: number,
    slot: string | undefined,
    now: number,
  ): Promise<LimitState | undefined> {
    const conditions = ['#minute = :minute', '#day = :day'];
    const values: Record<string, unknown> = {
      ':minute': window.minute,
      ':day': window.day,
      ':one': 1,
      ':t': tokens,
    };
    if (limits.requestsPerMinute) {
      conditions.push('requests < :rpm');
      values[':rpm'] = limits.requestsPerMinute;
    }
    if (limits.tokensPerMinute) {
      conditions.push('tokens <= :tpmRoom');
      values[':tpmRoom'] = room(limits.tokensPerMinute, tokens);
    }
    if (limits.tokensPerDay) {
      conditions.push('dayTokens <= :tpdRoom');
      values[':tpdRoom'] = room(limits.tokensPerDay, tokens);
    }
    const names: Record<string, string> = { ...NAMES };
    let set = '';
    if (slot) {
      conditions.push('size(inflight) < :conc');
      values[':conc'] = limits.concurrentRequests;
      values[':lapse'] = now + this.options.slotLeaseMs;
      names['#slot'] = slot;
      set = ' SET inflight.#slot = :lapse';
    }
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: stateKey(keyId),
          UpdateExpression: `ADD requests :one, tokens :t, dayTokens :t${set}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toState(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) return undefined;
      throw err;
    }
  }

  private async read(keyId: string): Promise<LimitState | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: stateKey(keyId), ConsistentRead: true }),
    );
    return Item ? toState(Item) : undefined;
  }

  /** The key's first limited request. */
  private async create(
    keyId: string,
    window: Window,
    tokens: number,
    slot: string | undefined,
    now: number,
  ): Promise<LimitState | undefined> {
    const state: LimitState = {
      ...window,
      requests: 1,
      tokens,
      dayTokens: tokens,
      inflight: slot ? { [slot]: now + this.options.slotLeaseMs } : {},
    };
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: stateKey(keyId),
          UpdateExpression:
            'SET #type = :type, #minute = :minute, #day = :day, requests = :r, tokens = :t, dayTokens = :t, inflight = :inflight',
          ConditionExpression: 'attribute_not_exists(PK)',
          ExpressionAttributeNames: { ...NAMES, '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'key-limits',
            ':minute': state.minute,
            ':day': state.day,
            ':r': 1,
            ':t': tokens,
            ':inflight': state.inflight,
          },
        }),
      );
      return state;
    } catch (err) {
      if (isConditionalFailure(err)) return undefined;
      throw err;
    }
  }

  /**
   * Why the usual update was refused, from the item as it is: a limit reached (throws the
   * 429), no item yet or a window that has turned (start it), lapsed slots (drop them), or
   * a change in between (undefined: go round again).
   */
  private async afterRefusal(
    keyId: string,
    limits: KeyLimits,
    window: Window,
    tokens: number,
    slot: string | undefined,
    now: number,
  ): Promise<LimitState | undefined> {
    const state = await this.read(keyId);
    if (!state) return this.create(keyId, window, tokens, slot, now);
    const newMinute = state.minute !== window.minute;
    const newDay = state.day !== window.day;
    const lapsed = Object.keys(state.inflight).filter((id) => state.inflight[id]! <= now);
    const live = Object.keys(state.inflight).length - lapsed.length;
    const minuteEnds = (window.minute + 1) * MINUTE_MS;
    const refused = (reason: RefusalReason, waitMs: number) =>
      refusal(reason, limits, state, tokens, waitMs, now);
    if (!newMinute && limits.requestsPerMinute && state.requests >= limits.requestsPerMinute)
      throw refused('requests', minuteEnds - now);
    if (!newMinute && limits.tokensPerMinute && state.tokens > room(limits.tokensPerMinute, tokens))
      throw refused('tokens', minuteEnds - now);
    if (!newDay && limits.tokensPerDay && state.dayTokens > room(limits.tokensPerDay, tokens))
      throw refused('tokens_per_day', (window.day + 1) * DAY_MS - now);
    if (slot && live >= limits.concurrentRequests!) throw refused('concurrency', 1000);
    if (!newMinute && !newDay && lapsed.length === 0) return undefined;
    return this.restart(keyId, limits, state, window, tokens, slot, now, lapsed);
  }

  /**
   * Starts the new minute (and day), drops lapsed slots and counts this request, provided
   * nobody else has done so since the item was read.
   */
  private async restart(
    keyId: string,
    limits: KeyLimits,
    state: LimitState,
    window: Window,
    tokens: number,
    slot: string | undefined,
    now: number,
    lapsed: string[],
  ): Promise<LimitState | undefined> {
    const newMinute = state.minute !== window.minute;
    const newDay = state.day !== window.day;
    const names: Record<string, string> = { ...NAMES };
    const values: Record<string, unknown> = {
      ':oldMinute': state.minute,
      ':oldDay': state.day,
      ':t': tokens,
    };
    const set = ['#minute = :minute', '#day = :day'];
    const add = [];
    values[':minute'] = window.minute;
    values[':day'] = window.day;
    if (newMinute) set.push('requests = :one', 'tokens = :t');
    else add.push('requests :one', 'tokens :t');
    values[':one'] = 1;
    if (newDay) set.push('dayTokens = :t');
    else add.push('dayTokens :t');
    const conditions = ['#minute = :oldMinute', '#day = :oldDay'];
    if (slot) {
      names['#slot'] = slot;
      values[':lapse'] = now + this.options.slotLeaseMs;
      set.push('inflight.#slot = :lapse');
      // The slots it drops make room in the same update.
      conditions.push('size(inflight) < :slots');
      values[':slots'] = limits.concurrentRequests! + lapsed.length;
    }
    lapsed.forEach((id, i) => (names[`#lapsed${i}`] = id));
    const remove = lapsed.map((_, i) => `inflight.#lapsed${i}`);
    // Only while every slot it drops is still there does the size above count the live ones right.
    conditions.push(...remove.map((path) => `attribute_exists(${path})`));
    const expression = [
      `SET ${set.join(', ')}`,
      add.length ? `ADD ${add.join(', ')}` : '',
      remove.length ? `REMOVE ${remove.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      const { Attributes } = await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: stateKey(keyId),
          UpdateExpression: expression,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toState(Attributes ?? {});
    } catch (err) {
      if (isConditionalFailure(err)) return undefined;
      throw err;
    }
  }
}

/** An admitted request: its rate-limit headers, and what to do once it is done. */
export class Admission {
  private settled = false;

  constructor(
    private readonly deps: RepositoryDeps,
    private readonly now: () => number,
    readonly grant: {
      keyId: string;
      limits: KeyLimits;
      window: Window;
      estimate: number;
      slot?: string;
      /** OpenAI's `x-ratelimit-*` headers as of this request. */
      headers: Record<string, string>;
    },
  ) {}

  get headers(): Record<string, string> {
    return this.grant.headers;
  }

  /**
   * The tokens used replace the estimate (unknown usage keeps it), and the concurrency
   * slot is freed. At most one write; none for a key with only a request limit.
   */
  async settle(used: TokenUsage | undefined): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    const { keyId, limits, window, estimate, slot } = this.grant;
    const counted = limits.tokensPerMinute || limits.tokensPerDay;
    const delta = counted && used ? used.promptTokens + used.completionTokens - estimate : 0;
    const now = this.now();
    const add: string[] = [];
    const values: Record<string, unknown> = { ':delta': delta };
    // A counter that has moved on to a new window keeps what it has.
    if (delta !== 0 && Math.floor(now / MINUTE_MS) === window.minute) add.push('tokens :delta');
    if (delta !== 0 && Math.floor(now / DAY_MS) === window.day) add.push('dayTokens :delta');
    if (!slot && add.length === 0) return;
    await this.deps.client.send(
      new UpdateCommand({
        TableName: this.deps.tableName,
        Key: stateKey(keyId),
        UpdateExpression: [add.length ? `ADD ${add.join(', ')}` : '', slot ? 'REMOVE inflight.#slot' : '']
          .filter(Boolean)
          .join(' '),
        ConditionExpression: 'attribute_exists(PK)',
        ...(slot ? { ExpressionAttributeNames: { '#slot': slot } } : {}),
        ...(add.length ? { ExpressionAttributeValues: values } : {}),
      }),
    );
  }
}
