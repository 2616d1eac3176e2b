import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../../../../infra/local/data-dir-lock';
import { DEFAULT_LOCAL_DIR } from '../../../../infra/local/local-paths';
import { writeLocalState } from '../../../../infra/local/local-state';
import { NoLocalStackError, openLocalTable, startCommand } from '../../../../infra/local/local-table';
import { currentProcess } from '../../../../infra/local/process-identity';

const state = (pid: number) => ({
  pid,
  apiUrl: 'http://127.0.0.1:3000',
  dynamodbEndpoint: 'http://127.0.0.1:8000',
  tableName: 'flowgate-local',
});

describe('the local table of tools run beside the stack', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'flowgate-table-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the running stack’s table, found through its state file', () => {
    writeLocalState({ ...state(0), ...currentProcess() }, path.join(dir, 'stack.json'));
    expect(openLocalTable(dir)).toEqual({
      endpoint: 'http://127.0.0.1:8000',
      tableName: 'flowgate-local',
      dataDir: dir,
    });
  });

  it('refuses, saying how to start the stack there, when none is running', () => {
    const refusal = () => openLocalTable(dir, 'pass --table for a deployed table');
    expect(refusal).toThrow(NoLocalStackError);
    expect(refusal).toThrow(
      `no local stack is running on ${dir}; start it with \`npm start -- --data-dir ${dir}\`, ` +
        'or pass --table for a deployed table',
    );
  });

  it('refuses when the state file is left over from a stack that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeLocalState(state(Number(exited.stdout)), path.join(dir, 'stack.json'));
    expect(() => openLocalTable(dir)).toThrow(`no local stack is running on ${dir}`);
  });

  it('says so when the stack there is still starting', () => {
    const lock = lockDataDir(dir);
    try {
      expect(() => openLocalTable(dir)).toThrow(
        `the local stack on ${dir} (pid ${process.pid}) is still starting; run this again once it is ready`,
      );
    } finally {
      lock.release();
    }
  });

  it('spells the start command as the user types it', () => {
    expect(startCommand(DEFAULT_LOCAL_DIR)).toBe('npm start');
    expect(startCommand('/tmp/a b')).toBe(`npm start -- --data-dir '/tmp/a b'`);
  });
});
