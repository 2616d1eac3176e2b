/**
 * One local stack per data directory: two would share one database file and overwrite
 * each other's state file. The lock is `<dir>/stack.lock`, holding the owner's pid and
 * start mark. It is linked into place complete (never seen half-written), removed on a
 * clean stop, and taken over when its owner is gone, so a crash never leaves it stuck.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants as fsConstants,
  linkSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { localPaths } from './local-paths';
import { PRIVATE_FILE_MODE } from './private-files';
import { asProcessRef, currentProcess, isRunning, type ProcessRef } from './process-identity';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by the local stack with pid ${pid}; stop that one first, ` +
        'or start another with --data-dir <another directory>',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Removes the lock if it is still this process's. */
  release(): void;
}

const isErrno = (err: unknown, code: string) => (err as NodeJS.ErrnoException)?.code === code;

function tryCreate(file: string, owner: ProcessRef): boolean {
  const temp = `${file}.${owner.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(
    temp,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL,
    PRIVATE_FILE_MODE,
  );
  try {
    try {
      writeSync(fd, JSON.stringify(owner) + '\n');
    } finally {
      closeSync(fd);
    }
    linkSync(temp, file);
    return true;
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

/** The lock's holder (none when it is not a lock); `missing` when there is no lock (any more). */
function readHolder(file: string): { holder?: ProcessRef } | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 'missing';
    throw err;
  }
  try {
    return { holder: asProcessRef(JSON.parse(text)) };
  } catch {
    return {};
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** True when `seen` is a lock no running process holds (gone, garbage, or its pid reused). */
const isStale = (seen: ReturnType<typeof readHolder>) =>
  seen !== 'missing' && !(seen.holder && isRunning(seen.holder));

/**
 * Deletes the lock if it is still stale. Takeovers are serialised by `<lock>.takeover`, a
 * second lock held only for this check-and-delete: with one remover at a time, a lock that
 * names a dead process cannot turn into a live one's before the delete, since nothing
 * replaces a file in place. Judging by content rather than by inode holds even when the file
 * system gives the next lock a deleted one's inode number.
 */
function removeStale(file: string, me: ProcessRef): void {
  const mutex = `${file}.takeover`;
  if (!tryCreate(mutex, me)) {
    const other = readHolder(mutex);
    // A remover that died within its few microseconds leaves its mutex behind; clear it.
    if (isStale(other)) unlinkIfPresent(mutex);
    else sleepSync(5);
    return;
  }
  try {
    if (isStale(readHolder(file))) unlinkIfPresent(file);
  } finally {
    unlinkSync(mutex);
  }
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
}

/** Takes `<dir>/stack.lock` or throws DataDirInUseError naming the running stack's pid. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = localPaths(dataDir).lock;
  const me = currentProcess();
  // Bounded by time rather than tries: a remover descheduled on a busy machine holds the
  // takeover for as long as the scheduler makes it wait.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (tryCreate(file, me)) {
      return {
        release: () => {
          const seen = readHolder(file);
          if (seen !== 'missing' && seen.holder?.pid === me.pid && seen.holder.startMark === me.startMark)
            unlinkSync(file);
        },
      };
    }
    const seen = readHolder(file);
    if (seen === 'missing') continue;
    if (seen.holder && isRunning(seen.holder)) throw new DataDirInUseError(dataDir, seen.holder.pid);
    removeStale(file, me);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing hands`);
}

/** The live process holding `dataDir`'s lock, if any (for tools asking whether a stack runs there). */
export function dataDirHolder(dataDir: string): ProcessRef | undefined {
  const seen = readHolder(localPaths(dataDir).lock);
  return seen !== 'missing' && seen.holder && isRunning(seen.holder) ? seen.holder : undefined;
}
