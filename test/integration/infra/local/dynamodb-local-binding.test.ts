import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from '../../../../infra/local/dynamodb-local';
import { addressesReachingAWildcardListener, reach } from '../../../support/reachability';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('DynamoDB Local is reachable from this machine only', () => {
  let ddb: DynamoDbLocal;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
  }, 60_000);
  afterAll(() => ddb?.stop());

  it('answers on 127.0.0.1 and refuses every other address of this machine', async () => {
    const others = await addressesReachingAWildcardListener();
    // Never vacuous: on Linux 127.0.0.2 always reaches a listener on all interfaces.
    expect(others.length).toBeGreaterThan(0);
    expect(await reach('127.0.0.1', ddb.port)).toBe('connected');
    const outcomes = await Promise.all(others.map(async (host) => [host, await reach(host, ddb.port)]));
    expect(outcomes).toEqual(others.map((host) => [host, 'refused']));
  });
});

describe('DynamoDB Local on a data directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'flowgate-ddb-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the directory 0700 and its database file 0600', async () => {
    const dir = path.join(root, 'fresh');
    const ddb = await startDynamoDbLocal({ dataDir: dir });
    try {
      await ensureTable(ddb.endpoint, 'perm-check');
    } finally {
      await ddb.stop();
    }
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => [f, mode(path.join(dir, f))])).toEqual(files.map((f) => [f, 0o600]));
  }, 60_000);

  it('tightens a directory and database file left readable by others', async () => {
    const dir = path.join(root, 'loose');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const db = path.join(dir, 'shared-local-instance.db');
    writeFileSync(db, '');
    chmodSync(db, 0o644);
    const ddb = await startDynamoDbLocal({ dataDir: dir });
    try {
      await ensureTable(ddb.endpoint, 'perm-check');
    } finally {
      await ddb.stop();
    }
    expect(mode(dir)).toBe(0o700);
    expect(mode(db)).toBe(0o600);
  }, 60_000);
});
