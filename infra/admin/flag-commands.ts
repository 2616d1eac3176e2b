import type { RepositoryDeps } from '../../shared/clients/dynamodb';
import {
  isInRollout,
  rolloutBucket,
  RolloutFlagRepository,
  type RolloutFlag,
} from '../../shared/gateway/rollout-flag';
import { UsageError, type CommandIo } from './identity-commands';

/** How long gateway containers may keep using the flag they read (ROLLOUT_FLAG_CACHE_SECONDS, at most 30). */
const PROPAGATION = 'Gateway containers pick the change up within 30 s; no deploy needed.';

function describe(flag: RolloutFlag | undefined, io: CommandIo): void {
  if (!flag) {
    io.out('automation rollout: no flag set, every user is eligible');
    return;
  }
  io.out(`automation rollout: ${flag.percent}% of users`);
  io.out(`allowlist (${flag.allow.length}): ${flag.allow.length > 0 ? flag.allow.join(', ') : '(empty)'}`);
  io.out(`updated ${flag.updatedAt} (version ${flag.version})`);
}

function parsePercent(raw: string): number {
  const percent = Number(raw.replace(/%$/, ''));
  if (!/^\d{1,3}%?$/.test(raw) || percent > 100)
    throw new UsageError('--percent takes a whole number from 0 to 100');
  return percent;
}

function parseAllow(raw: string): string[] {
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * `flag show [--user <id>]`, `flag set [--percent N] [--allow id1,id2]`, `flag clear`.
 * The flag narrows who may use automation (allowlist, then a percentage bucketed by user
 * id); the system switch AUTOMATION_FEATURE_ENABLED still comes first.
 */
export async function flag(
  deps: RepositoryDeps,
  args: string[],
  flags: { percent?: string; allow?: string; user?: string },
  io: CommandIo,
): Promise<void> {
  const repository = new RolloutFlagRepository(deps);
  const action = args[0] ?? 'show';
  if (action === 'show') {
    const current = await repository.get();
    describe(current, io);
    if (flags.user) {
      const verdict = isInRollout(current, flags.user) ? 'in the rollout' : 'outside the rollout';
      io.out(`user ${flags.user}: bucket ${rolloutBucket(flags.user)}, ${verdict}`);
    }
    return;
  }
  if (action === 'set') {
    if (flags.percent === undefined && flags.allow === undefined)
      throw new UsageError('flag set needs --percent <0-100>, --allow <id1,id2> or both');
    const current = await repository.get();
    const updated = await repository.set({
      percent: flags.percent === undefined ? (current?.percent ?? 0) : parsePercent(flags.percent),
      allow: flags.allow === undefined ? (current?.allow ?? []) : parseAllow(flags.allow),
    });
    describe(updated, io);
    io.out(PROPAGATION);
    return;
  }
  if (action === 'clear') {
    await repository.clear();
    describe(undefined, io);
    io.out(PROPAGATION);
    return;
  }
  throw new UsageError(`Unknown flag action "${action}": use show, set or clear`);
}
