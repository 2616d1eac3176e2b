import './quiet-sdk-notice';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError, lockDataDir, type DataDirLock } from './data-dir-lock';
import { DRAIN_GRACE_MS } from './drain';
import { JavaMissingError } from './dynamodb-local';
import { startLocalStack, type LocalStack } from './local-stack';
import { clearLocalState, writeLocalState } from './local-state';
import { DEFAULT_LOCAL_DIR, localPaths } from './local-paths';
import { ensurePrivateDir, tightenFiles } from './private-files';
import { currentProcess } from './process-identity';

const USAGE = `Usage: npm start -- [--port <n>] [--host <addr>] [--in-memory] [--data-dir <d>] [--verbose]

  --port <n>     port of the local API (default 3000; 0 picks a free one)
  --host <addr>  address to listen on (default 127.0.0.1)
  --in-memory    keep nothing on disk (DynamoDB Local in memory, fresh demo key)
  --data-dir <d> where to keep data (default .local/; one running stack per directory)
  --verbose      log every request and the handlers' info logs
`;

function outboundLine(allow: string | undefined): string {
  return allow
    ? `providers may also call ${allow} (OUTBOUND_ALLOW_CIDRS; empty in AWS, where only public addresses are allowed)`
    : 'providers may call public addresses only (OUTBOUND_ALLOW_CIDRS is empty)';
}

function banner(stack: LocalStack, inMemory: boolean, dataDir: string, startupMs: number): string {
  const base = `${stack.apiUrl}/api`;
  return `
Flowgate local stack ready in ${startupMs} ms

  API         ${stack.apiUrl}
  Demo key    ${stack.demo.key}   (user ${stack.demo.email}${stack.demo.created ? ', created now' : ''})
  DynamoDB    ${stack.dynamodbEndpoint}  table ${stack.tableName}${inMemory ? '  (in memory)' : `  (data in ${dataDir})`}
  Upstreams   ${stack.stubs ? `stub OpenAI ${stack.stubs.openai.url}/v1, stub Morpheus router ${stack.stubs.morpheus.url}` : 'as configured in the environment'}
  Outbound    ${outboundLine(process.env.OUTBOUND_ALLOW_CIDRS)}

Try it:

  curl -s ${base}/v1/auth/keys -H "Authorization: Bearer ${stack.demo.key}"

  // TypeScript, with the official openai SDK
  import OpenAI from 'openai';
  const client = new OpenAI({ baseURL: '${base}/v1', apiKey: '${stack.demo.key}' });
  const reply = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] });

Ctrl-C stops everything (in-flight requests get up to ${DRAIN_GRACE_MS / 1000} s to finish).
`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: DEFAULT_LOCAL_DIR },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${values.port}`);
  if (values.verbose) process.env.LOG_LEVEL ??= 'info';

  const inMemory = values['in-memory'];
  const dataDir = path.resolve(values['data-dir']);
  const statePath = localPaths(dataDir).state;
  // Taken before anything starts: a second stack on this directory must not touch it.
  const lock = inMemory ? undefined : holdDataDir(dataDir);
  const stack = await startLocalStack({
    dataDir,
    port,
    host: values.host,
    inMemory,
    log: values.verbose ? (line) => process.stdout.write(line + '\n') : undefined,
  });
  if (!inMemory) {
    writeLocalState(
      {
        ...currentProcess(),
        apiUrl: stack.apiUrl,
        dynamodbEndpoint: stack.dynamodbEndpoint,
        tableName: stack.tableName,
      },
      statePath,
    );
    process.once('exit', () => clearLocalState(statePath));
  }
  process.stdout.write(banner(stack, inMemory, dataDir, Date.now() - started));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(
      `\n${signal}: no new requests; waiting up to ${DRAIN_GRACE_MS / 1000} s for those in flight, then stopping…\n`,
    );
    // Tools stop targeting this stack at once; the lock goes only once DynamoDB Local has.
    if (!inMemory) clearLocalState(statePath);
    stack.stop().then(
      () => {
        lock?.release();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** Makes the data directory private and takes its lock (released on any exit of this process). */
function holdDataDir(dataDir: string): DataDirLock {
  ensurePrivateDir(dataDir);
  const lock = lockDataDir(dataDir);
  process.once('exit', () => lock.release());
  // Files an older run left readable by others (state, demo key, KMS key).
  tightenFiles(dataDir);
  return lock;
}

main().catch((err) => {
  if (err instanceof DataDirInUseError) {
    process.stderr.write(`npm start: ${err.message}\n`);
  } else if (err instanceof JavaMissingError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`Failed to start the local stack: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
