import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensurePrivateDir, tightenFiles, writePrivateFile } from '../../../../infra/local/private-files';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('private files of the local data directory', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'flowgate-private-'));
    // The most permissive umask: nothing below may rely on the caller's.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates a directory 0700, parents included', () => {
    const dir = path.join(root, 'a', '.local');
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(root, 'a'))).toBe(0o700);
  });

  it('tightens an existing directory that others may enter, and leaves a stricter one alone', () => {
    const loose = path.join(root, 'loose');
    mkdirSync(loose, { mode: 0o755 });
    ensurePrivateDir(loose);
    expect(mode(loose)).toBe(0o700);
    const strict = path.join(root, 'strict');
    mkdirSync(strict, { mode: 0o500 });
    ensurePrivateDir(strict);
    expect(mode(strict)).toBe(0o500);
  });

  it('writes a new file 0600 and replaces a looser one with a 0600 file', () => {
    const file = path.join(root, 'dir', 'stack.json');
    writePrivateFile(file, 'one');
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    chmodSync(file, 0o644);
    writePrivateFile(file, 'two');
    expect(mode(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(path.dirname(file))).toEqual(['stack.json']);
  });

  it('tightens every regular file of a directory, and nothing below it', () => {
    writeFileSync(path.join(root, 'db'), '', { mode: 0o666 });
    writeFileSync(path.join(root, 'key'), '', { mode: 0o400 });
    mkdirSync(path.join(root, 'sub'), { mode: 0o755 });
    tightenFiles(root);
    expect(mode(path.join(root, 'db'))).toBe(0o600);
    expect(mode(path.join(root, 'key'))).toBe(0o400);
    expect(mode(path.join(root, 'sub'))).toBe(0o755);
  });
});
