import './quiet-sdk-notice';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError, lockDataDir, type DataDirLock } from './data-dir-lock';
import { DRAIN_GRACE_MS } from './drain';
import { JavaMissingError } from './dynamodb-local';
import { banner } from './banner';
import { divertEmfLines, fileSink } from './console-quiet';
import { startLocalStack, type LocalStack } from './local-stack';
import { clearLocalState, writeLocalState } from './local-state';
import { DEFAULT_LOCAL_DIR, localPaths } from './local-paths';
import { busyPortMessage, isAddressInUse, portInUse } from './port-check';
import { ensurePrivateDir, tightenFiles } from './private-files';
import { currentProcess } from './process-identity';
import {
  DEFAULT_ROUTER_USERNAME,
  DEFAULT_UPSTREAM_MODEL,
  NO_KEY_PLACEHOLDER,
  OPENAI_BASE_URL,
  UpstreamOptionError,
  upstreamEnvironment,
} from './upstream-options';

/** A flag `npm start` cannot take; printed as one line, without a stack. */
class OptionError extends Error {}

const USAGE = `Usage: npm start -- [--port <n>] [--host <addr>] [--in-memory] [--data-dir <d>] [--verbose]
                    [--upstream openai|<base url>] [--model <id>] [--router <url>]

  --port <n>     port of the local API (default 3000; 0 picks a free one)
  --host <addr>  address to listen on (default 127.0.0.1)
  --in-memory    keep nothing on disk (DynamoDB Local in memory, fresh demo key)
  --data-dir <d> where to keep data (default .local/; one running stack per directory)
  --verbose      log every request and the handlers' info logs, and print EMF metric lines
                 (otherwise they go to <data dir>/metrics.log, or nowhere with --in-memory)

  Without the flags below, stub upstreams answer (deterministic, no real LLM).
  --upstream openai      real OpenAI (${OPENAI_BASE_URL}), key from OPENAI_API_KEY (required);
                         every model name goes to it: gpt-4 and gpt-4o to gpt-4o, the others
                         (default, gpt-3.5-turbo, claude-3-opus, …) to gpt-4o-mini
  --upstream <base url>  any OpenAI-compatible server (e.g. http://127.0.0.1:11434/v1 for Ollama);
                         key from UPSTREAM_API_KEY (optional: "${NO_KEY_PLACEHOLDER}" is sent without it);
                         every model name goes to one model, --model or UPSTREAM_MODEL
                         (default ${DEFAULT_UPSTREAM_MODEL})
  --model <id>           with --upstream: the upstream model every name goes to
  --router <url>         a real Morpheus proxy-router; MORPHEUS_ROUTER_PASSWORD (required) and
                         MORPHEUS_ROUTER_USERNAME (default ${DEFAULT_ROUTER_USERNAME}); names route as in
                         config/model_mappings.json, direct ones to --upstream or the stub OpenAI
`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        'in-memory': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: DEFAULT_LOCAL_DIR },
        verbose: { type: 'boolean', default: false },
        upstream: { type: 'string' },
        model: { type: 'string' },
        router: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    throw new OptionError(`${(err as Error).message} (npm start -- --help lists the options)`);
  }
}

/** How the routing lines name the two backends: the stubs, or the real servers the flags or environment chose. */
function upstreamLabels(stack: LocalStack): { direct: string; morpheus: string } {
  const direct = process.env.UPSTREAM_BASE_URL ?? 'not configured';
  const router = process.env.MORPHEUS_ROUTER_URL ?? 'not configured';
  return {
    direct: stack.stubs && direct === `${stack.stubs.openai.url}/v1` ? `stub OpenAI ${direct}` : direct,
    morpheus:
      stack.stubs && router === stack.stubs.morpheus.url ? `stub router ${router}` : `router ${router}`,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const values = parseOptions();
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new OptionError(`--port must be a port number, got ${values.port}`);
  // The flags become the environment the gateway reads (before anything loads it).
  Object.assign(process.env, upstreamEnvironment(values, process.env));
  if (values.verbose) process.env.LOG_LEVEL ??= 'info';
  // Before DynamoDB Local is started for nothing.
  if (await portInUse(port, values.host)) throw new OptionError(busyPortMessage(port));

  const inMemory = values['in-memory'];
  const dataDir = path.resolve(values['data-dir']);
  const statePath = localPaths(dataDir).state;
  // Taken before anything starts: a second stack on this directory must not touch it.
  const lock = inMemory ? undefined : holdDataDir(dataDir);
  const metricsFile = inMemory ? undefined : path.join(dataDir, 'metrics.log');
  if (!values.verbose) {
    const sink = metricsFile ? fileSink(metricsFile) : undefined;
    divertEmfLines(process.stdout, (line) => sink?.write(line));
    process.once('exit', () => sink?.close());
  }
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      dataDir,
      port,
      host: values.host,
      inMemory,
      log: values.verbose ? (line) => process.stdout.write(line + '\n') : undefined,
    });
  } catch (err) {
    // Taken between the check above and the listen.
    if (isAddressInUse(err)) throw new OptionError(busyPortMessage(port));
    throw err;
  }
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
  // The routing the gateway uses: loaded through the shared module, after the stack set the environment.
  const { modelConfig } = await import('../../shared/gateway/model-config');
  process.stdout.write(
    banner({
      apiUrl: stack.apiUrl,
      demo: stack.demo,
      dynamodbEndpoint: stack.dynamodbEndpoint,
      tableName: stack.tableName,
      dataDir: inMemory ? undefined : dataDir,
      startupMs: Date.now() - started,
      upstreams: upstreamLabels(stack),
      models: modelConfig(),
      automation: process.env.AUTOMATION_FEATURE_ENABLED === 'true',
      outboundAllow: process.env.OUTBOUND_ALLOW_CIDRS,
      metricsFile,
      drainSeconds: DRAIN_GRACE_MS / 1000,
    }),
  );

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
  if (err instanceof OptionError && err.message.startsWith('npm start:')) {
    process.stderr.write(`${err.message}\n`);
  } else if (
    err instanceof DataDirInUseError ||
    err instanceof OptionError ||
    err instanceof UpstreamOptionError
  ) {
    process.stderr.write(`npm start: ${err.message}\n`);
  } else if (err instanceof JavaMissingError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`Failed to start the local stack: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
