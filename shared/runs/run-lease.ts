/*
 * The lease of an unfinished run. Whoever may act on a run holds it until `leaseUntil`
 * (epoch ms): the executor running it (`leaseId`, renewed as it goes), or, between two
 * executors, the hand-off token that the next one must present. A run whose lease ran out
 * has lost its executor (a crash, a timeout, a killed process, a lost async invocation);
 * the sweeper (./run-sweeper.ts) finds it through the sparse GSI2, which only unfinished
 * runs are in, and resumes or abandons it.
 *
 * GSI2PK is one of a few shards, so the index never has one hot partition; GSI2SK sorts by
 * the lease's end, so "every lease that ran out" is one key-range query per shard.
 */

import { sortableMs as pad } from '../db/sortable-time';

/** Partitions of the lease index; the sweeper queries each once per sweep. */
export const LEASE_SHARDS = 8;

/** The shard of a run: from the random hex tail of its id, so shards fill evenly. */
export function leaseShard(runId: string): number {
  const last = Number.parseInt(runId.slice(-1), 16);
  return Number.isNaN(last) ? 0 : last % LEASE_SHARDS;
}

export const leaseShardKey = (shard: number) => `RUNLEASE#${shard}`;

export function leaseIndexKeys(runId: string, leaseUntil: number): { GSI2PK: string; GSI2SK: string } {
  return { GSI2PK: leaseShardKey(leaseShard(runId)), GSI2SK: `${pad(leaseUntil)}#${runId}` };
}

/** Sorts after every lease that ended before `now` and before every one still running. */
export const expiredBefore = (now: number) => `${pad(now)}#`;

/** How a run's lease is held right now, as the sweeper reads it. */
export interface RunLease {
  leaseUntil: number;
  /** Set while an executor holds the run. */
  leaseId?: string;
  /** Set while the run waits for an executor (queued, or handed off between invocations). */
  handoffToken?: string;
  /** How many times the sweeper has already given the run to a new executor. */
  recoveries: number;
}
