import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RunRepository } from '../../../../shared/runs/run-repository';
import type { RunRecord } from '../../../../shared/runs/run-types';
import { newSortableId } from '../../../../shared/runs/sortable-id';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A document client whose answers are scripted per call; records the command names. */
function scripted(...answers: Array<Error | Record<string, unknown>>) {
  const sent: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      const next = answers.shift() ?? {};
      if (next instanceof Error) throw next;
      return next;
    },
  } as unknown as DynamoDBDocumentClient;
  return { repo: new RunRepository({ client, tableName: 't' }, 30), sent };
}

const run: RunRecord = {
  runId: newSortableId('run'),
  userId: 'u',
  status: 'running',
  trigger: { type: 'schedule' },
  steps: [],
  results: [],
  createdAt: new Date().toISOString(),
  deadlineAt: 0,
  invocations: 1,
};
const key = { scheduleName: 's', scheduledTime: '2026-03-01T09:00:00Z', expiresAt: 1 };
const lease = { leaseId: 'l', leaseUntil: 1 };

describe('RunRepository.createOnce collisions', () => {
  it('tries again after a transaction conflict, and then creates', async () => {
    const { repo, sent } = scripted(cancelled('TransactionConflict', 'None'), {});
    await expect(repo.createOnce(run, lease, key)).resolves.toEqual({ created: true });
    expect(sent).toEqual(['TransactWriteCommand', 'TransactWriteCommand']);
  });

  it('a retry that finds the key taken reports the duplicate', async () => {
    const { repo, sent } = scripted(
      Object.assign(new Error('conflict'), { name: 'TransactionConflictException' }),
      cancelled('ConditionalCheckFailed', 'None'),
      { Item: { runId: 'run_first' } },
    );
    await expect(repo.createOnce(run, lease, key)).resolves.toEqual({ created: false, runId: 'run_first' });
    expect(sent).toEqual(['TransactWriteCommand', 'TransactWriteCommand', 'GetCommand']);
  });

  it('gives up after five conflicts with the error, rather than guess', async () => {
    const conflicts = Array.from({ length: 5 }, () => cancelled('TransactionConflict', 'None'));
    const { repo, sent } = scripted(...conflicts);
    await expect(repo.createOnce(run, lease, key)).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
    expect(sent).toHaveLength(5);
  });

  it('passes other errors through untouched', async () => {
    const { repo } = scripted(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(repo.createOnce(run, lease, key)).rejects.toThrow('slow down');
  });
});
