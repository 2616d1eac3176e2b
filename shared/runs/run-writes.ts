import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { RepositoryDeps } from '../clients/dynamodb';
import { isConditionalFailure } from '../db/conditions';
import { fromItem, runKey } from './run-item';
import { leaseIndexKeys, type RunLease } from './run-lease';
import type { Sealed } from './run-seal';
import type { RunRecord, RunTrigger, StepResult } from './run-types';

/** How a run ended, sealed: nothing here reaches the table unredacted. */
export interface RunEnding {
  status: 'success' | 'failed';
  results: Sealed<StepResult[]>;
  error?: Sealed<string>;
  errorCode?: string;
  /** The trigger again, when redaction changed it (it was stored before any secret was known). */
  trigger?: Sealed<RunTrigger>;
}

/** What a finished run no longer carries. */
const UNLEASED = 'leaseId, handoffToken, leaseUntil, GSI2PK, GSI2SK';

/**
 * The conditional writes of an unfinished run: the executor's (claim, renew, progress,
 * hand-off, completion), each conditional on the lease or token it holds, and the
 * sweeper's (reassign, abandon), conditional on the lease being as it read it.
 *
 * Writes that a retry could repeat (the SDK retries a request that timed out, which
 * DynamoDB may have applied) check, when their condition fails, whether the item already
 * shows their own effect; if so they succeeded.
 */
export class RunWrites {
  constructor(
    protected readonly deps: RepositoryDeps,
    protected readonly clock: () => number,
  ) {}

  /** Takes over a handed-off (or queued) run; undefined if the token was already used. */
  async claim(
    userId: string,
    runId: string,
    handoffToken: string,
    leaseId: string,
    leaseUntil: number,
  ): Promise<RunRecord | undefined> {
    const key = runKey(userId, runId);
    if (!key) return undefined;
    const update: UpdateCommandInput = {
      TableName: this.deps.tableName,
      Key: key,
      UpdateExpression:
        'SET #status = :running, startedAt = if_not_exists(startedAt, :now), leaseId = :lease, leaseUntil = :until, GSI2SK = :sk, invocations = invocations + :one REMOVE handoffToken',
      ConditionExpression: 'handoffToken = :token',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':running': 'running',
        ':now': new Date(this.clock()).toISOString(),
        ':lease': leaseId,
        ':until': leaseUntil,
        ':sk': leaseIndexKeys(runId, leaseUntil).GSI2SK,
        ':one': 1,
        ':token': handoffToken,
      },
      ReturnValues: 'ALL_NEW',
    };
    try {
      const { Attributes } = await this.deps.client.send(new UpdateCommand(update));
      return Attributes ? fromItem(Attributes) : undefined;
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      const item = await this.current(key);
      return item?.leaseId === leaseId ? fromItem(item) : undefined;
    }
  }

  /** Moves the executor's lease on; false if it no longer holds the run. */
  renew(userId: string, runId: string, leaseId: string, leaseUntil: number): Promise<boolean> {
    return this.update(userId, runId, heldBy(leaseId), {
      expression: 'SET leaseUntil = :until, GSI2SK = :sk',
      values: leaseValues(runId, leaseUntil),
    });
  }

  /** Records the steps so far and moves the lease on; false if this executor no longer holds the run. */
  saveProgress(
    userId: string,
    runId: string,
    leaseId: string,
    results: Sealed<StepResult[]>,
    leaseUntil: number,
  ): Promise<boolean> {
    return this.update(userId, runId, heldBy(leaseId), {
      expression: 'SET resultsJson = :results, leaseUntil = :until, GSI2SK = :sk',
      values: { ':results': JSON.stringify(results), ...leaseValues(runId, leaseUntil) },
    });
  }

  /** Gives the run up for the next invocation, which must present `handoffToken` before `leaseUntil`. */
  handOff(
    userId: string,
    runId: string,
    leaseId: string,
    results: Sealed<StepResult[]>,
    handoffToken: string,
    leaseUntil: number,
  ): Promise<boolean> {
    return this.update(userId, runId, heldBy(leaseId), {
      expression:
        'SET resultsJson = :results, handoffToken = :token, leaseUntil = :until, GSI2SK = :sk REMOVE leaseId',
      values: {
        ':results': JSON.stringify(results),
        ':token': handoffToken,
        ...leaseValues(runId, leaseUntil),
      },
      shows: (item) => item.handoffToken === handoffToken,
    });
  }

  complete(userId: string, runId: string, leaseId: string, ending: RunEnding): Promise<boolean> {
    return this.update(userId, runId, heldBy(leaseId), this.ending(ending));
  }

  /** Fails a run that could not be handed to anyone (e.g. the async invoke was refused). */
  failUnclaimed(
    userId: string,
    runId: string,
    handoffToken: string,
    error: Sealed<string>,
  ): Promise<boolean> {
    const waiting = { condition: 'handoffToken = :held', values: { ':held': handoffToken } };
    return this.update(userId, runId, waiting, this.ending({ status: 'failed', error }));
  }

  /** The sweeper's takeover: the run waits for a new executor, holding `handoffToken`. */
  reassign(
    userId: string,
    runId: string,
    seen: RunLease,
    handoffToken: string,
    leaseUntil: number,
  ): Promise<boolean> {
    return this.update(userId, runId, unchanged(seen), {
      expression:
        'SET handoffToken = :token, leaseUntil = :until, GSI2SK = :sk, recoveries = if_not_exists(recoveries, :zero) + :one REMOVE leaseId',
      values: { ':token': handoffToken, ':zero': 0, ':one': 1, ...leaseValues(runId, leaseUntil) },
      shows: (item) => item.handoffToken === handoffToken,
    });
  }

  /** The sweeper's other outcome: the run ends, if its lease is still the one it saw run out. */
  abandon(userId: string, runId: string, seen: RunLease, ending: RunEnding): Promise<boolean> {
    return this.update(userId, runId, unchanged(seen), this.ending(ending));
  }

  /** SET/REMOVE for a run's end, and how to recognise that this very write was applied. */
  private ending(ending: Omit<RunEnding, 'results'> & { results?: Sealed<StepResult[]> }): Change {
    const completedAt = new Date(this.clock()).toISOString();
    const sets = ['#status = :status', 'completedAt = :now'];
    const values: Record<string, unknown> = { ':status': ending.status, ':now': completedAt };
    const names: Record<string, string> = { '#status': 'status' };
    if (ending.results) {
      sets.push('resultsJson = :results');
      values[':results'] = JSON.stringify(ending.results);
    }
    if (ending.error !== undefined) {
      sets.push('#error = :error');
      values[':error'] = ending.error;
      names['#error'] = 'error';
    }
    if (ending.errorCode !== undefined) {
      sets.push('errorCode = :code');
      values[':code'] = ending.errorCode;
    }
    if (ending.trigger !== undefined) {
      sets.push('triggerJson = :trigger');
      values[':trigger'] = JSON.stringify(ending.trigger);
    }
    return {
      expression: `SET ${sets.join(', ')} REMOVE ${UNLEASED}`,
      values,
      names,
      shows: (item) =>
        item.status === ending.status && item.completedAt === completedAt && item.leaseUntil === undefined,
    };
  }

  /**
   * One conditional update; false when the condition failed, unless `change.shows`
   * recognises this write's own effect in the item (a retried request that had been applied).
   */
  private async update(userId: string, runId: string, guard: Guard, change: Change): Promise<boolean> {
    const key = runKey(userId, runId);
    if (!key) return false;
    try {
      await this.deps.client.send(
        new UpdateCommand({
          TableName: this.deps.tableName,
          Key: key,
          UpdateExpression: change.expression,
          ConditionExpression: guard.condition,
          ...(change.names && Object.keys(change.names).length
            ? { ExpressionAttributeNames: change.names }
            : {}),
          ExpressionAttributeValues: { ...change.values, ...guard.values },
        }),
      );
      return true;
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      return change.shows ? this.shows(key, change.shows) : false;
    }
  }

  private async current(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.deps.client.send(
      new GetCommand({ TableName: this.deps.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  protected async shows(
    key: { PK: string; SK: string },
    test: (item: Record<string, unknown>) => boolean,
  ): Promise<boolean> {
    const item = await this.current(key);
    return item !== undefined && test(item);
  }
}

/** What a write changes, and how to recognise in the item that it was applied. */
interface Change {
  expression: string;
  values: Record<string, unknown>;
  names?: Record<string, string>;
  shows?: (item: Record<string, unknown>) => boolean;
}

/** Who may make the write: the condition and the values it names. */
interface Guard {
  condition: string;
  values: Record<string, unknown>;
}

/** The executor holding `leaseId`. */
const heldBy = (leaseId: string): Guard => ({ condition: 'leaseId = :held', values: { ':held': leaseId } });

/** The lease is exactly as the sweeper saw it: nobody renewed, claimed or finished the run since. */
function unchanged(seen: RunLease): Guard {
  const holder = seen.leaseId !== undefined ? 'leaseId = :held' : 'handoffToken = :held';
  return {
    condition: `leaseUntil = :seenUntil AND ${holder}`,
    values: { ':seenUntil': seen.leaseUntil, ':held': seen.leaseId ?? seen.handoffToken },
  };
}

const leaseValues = (runId: string, leaseUntil: number): Record<string, unknown> => ({
  ':until': leaseUntil,
  ':sk': leaseIndexKeys(runId, leaseUntil).GSI2SK,
});
