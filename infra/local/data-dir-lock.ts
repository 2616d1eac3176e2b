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
  fstatSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
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

/** The lock's holder and the file's inode; `missing` when there is no lock (any more). */
function readHolder(file: string): { holder?: ProcessRef; ino: number } | 'missing' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 'missing';
    throw err;
  }
  try {
    const ino = fstatSync(fd).ino;
    try {
      return { holder: asProcessRef(JSON.parse(readFileSync(fd, 'utf8'))), ino };
    } catch {
      return { ino };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves the stale lock aside and deletes it. Should another starter have replaced it in
 * the meantime, what was moved is that starter's fresh lock: it is linked back (link never
 * overwrites) before anything is deleted.
 */
function removeStale(file: string, staleIno: number): void {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return;
    throw err;
  }
  try {
    if (statSync(aside).ino !== staleIno) linkSync(aside, file);
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
  } finally {
    unlinkSync(aside);
  }
}

/** Takes `<dir>/stack.lock` or throws DataDirInUseError naming the running stack's pid. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = localPaths(dataDir).lock;
  const me = currentProcess();
  for (let attempt = 0; attempt < 10; attempt++) {
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
    removeStale(file, seen.ino);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing hands`);
}

/** The live process holding `dataDir`'s lock, if any (for tools asking whether a stack runs there). */
export function dataDirHolder(dataDir: string): ProcessRef | undefined {
  const seen = readHolder(localPaths(dataDir).lock);
  return seen !== 'missing' && seen.holder && isRunning(seen.holder) ? seen.holder : undefined;
}
