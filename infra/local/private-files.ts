/**
 * The local stack's data directory holds the demo key, the local KMS key and the
 * database, so it is private to the user who runs it: the directory 0700, every file
 * in it 0600, whatever the umask, and tightened when an older run left them looser.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const looserThan = (mode: number, wanted: number) => (mode & 0o777 & ~wanted) !== 0;

/** Creates `dir` (and missing parents) 0700, or takes group and other access away from it. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (looserThan(statSync(dir).mode, PRIVATE_DIR_MODE)) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Takes group and other access away from every regular file directly in `dir`. */
export function tightenFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    if (looserThan(statSync(file).mode, PRIVATE_FILE_MODE)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}

/**
 * Writes `file` as a new 0600 file renamed into place: a reader sees the old content or
 * the new, never half of it, and an older, looser file is replaced rather than reused.
 */
export function writePrivateFile(file: string, content: string): void {
  ensurePrivateDir(path.dirname(file));
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(
    temp,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW,
    PRIVATE_FILE_MODE,
  );
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
