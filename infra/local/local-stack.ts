import type { RouteDef } from '../routes';
import type { ApiServer } from './api-server';
import { DRAIN_GRACE_MS, settleWithin } from './drain';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { LOCAL_TABLE_NAME, localPaths } from './local-paths';
import type { DemoUser } from './demo-user';
import type { LocalAdapters } from './local-adapters';
import type { LocalStubs } from './stubs/run-stubs';
import type { SweepTimer } from './sweep-timer';

export interface LocalStackOptions {
  port?: number;
  host?: string;
  /** Keep nothing on disk: DynamoDB Local in memory, demo key not saved. */
  inMemory?: boolean;
  /** Where data is kept when not in memory (default `.local/`). */
  dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one (tests). */
  dynamodbEndpoint?: string;
  tableName?: string;
  routes?: readonly RouteDef[];
  log?: (line: string) => void;
  /** The local scheduler's group; stacks sharing one DynamoDB table each need their own. */
  scheduleGroup?: string;
  /**
   * Run the sweeper on its timer (default true). Test stacks share one table, and a sweep
   * covers every run in it, so they leave it off and call `sweeper.sweepNow()` where wanted.
   */
  sweep?: boolean;
}

export interface LocalStack {
  apiUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
  demo: DemoUser;
  adapters: LocalAdapters;
  stubs: LocalStubs | undefined;
  api: ApiServer;
  /** The sweeper on its timer (RUN_SWEEP_INTERVAL_MS); `sweepNow()` runs one at once. */
  sweeper: SweepTimer;
  stop(): Promise<void>;
}

/** Points every handler at the local parts. Must run before the shared runtime loads. */
export function configureEnvironment(endpoint: string, tableName: string): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.LOG_LEVEL ??= 'warn';
  // The gateway's automation switch is on locally unless the developer says otherwise.
  process.env.AUTOMATION_FEATURE_ENABLED ??= 'true';
  // Locally, plans may call services on this machine (the stub upstreams, a dev server).
  // In AWS the variable is empty, so providers can reach public addresses only.
  process.env.OUTBOUND_ALLOW_CIDRS ??= '127.0.0.0/8,::1/128';
}

/** Starts the stub upstreams unless real ones are configured, and points the gateway at them. */
async function startStubsIfNeeded(): Promise<LocalStubs | undefined> {
  const realOpenAi = process.env.UPSTREAM_BASE_URL && process.env.UPSTREAM_API_KEY;
  const realRouter = process.env.MORPHEUS_ROUTER_URL;
  if (realOpenAi && realRouter) return undefined;
  const { startLocalStubs } = await import('./stubs/run-stubs');
  const stubs = await startLocalStubs();
  if (!realOpenAi) {
    process.env.UPSTREAM_BASE_URL = `${stubs.openai.url}/v1`;
    process.env.UPSTREAM_API_KEY = stubs.openai.apiKey;
  }
  if (!realRouter) {
    process.env.MORPHEUS_ROUTER_URL = stubs.morpheus.url;
    process.env.MORPHEUS_ROUTER_USERNAME = stubs.morpheus.username;
    process.env.MORPHEUS_ROUTER_PASSWORD = stubs.morpheus.password;
  }
  return stubs;
}

/**
 * The whole API on loopback: DynamoDB Local, stub upstreams, the demo user, and the
 * local API server. `npm start` and the end-to-end tests both come through here.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;
  const paths = localPaths(options.dataDir);
  const cleanups: (() => Promise<void>)[] = [];
  // One grace for the work under way when stop() begins: requests, then background runs.
  let drainUntil = 0;
  const stop = async () => {
    drainUntil = Date.now() + DRAIN_GRACE_MS;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    let ddb: DynamoDbLocal | undefined;
    if (!options.dynamodbEndpoint) {
      ddb = await startDynamoDbLocal(options.inMemory ? {} : { dataDir: paths.dynamodb });
      cleanups.push(() => ddb!.stop());
    }
    const endpoint = options.dynamodbEndpoint ?? ddb!.endpoint;
    await ensureTable(endpoint, tableName);
    configureEnvironment(endpoint, tableName);

    const stubs = await startStubsIfNeeded();
    if (stubs) cleanups.push(() => stubs.close());

    // Loaded only now: the shared runtime reads its configuration on load.
    const { createDocumentClient } = await import('../../shared/clients/dynamodb');
    const { ensureDemoUser } = await import('./demo-user');
    const { startApiServer } = await import('./api-server');
    const client = createDocumentClient({ endpoint });
    cleanups.push(async () => client.destroy());
    const demo = await ensureDemoUser({ client, tableName }, options.inMemory ? undefined : paths.demoKey);
    const { installLocalAdapters } = await import('./local-adapters');
    const adapters = await installLocalAdapters({
      deps: { client, tableName },
      kmsDir: options.inMemory ? undefined : paths.dir,
      scheduleGroup: options.scheduleGroup,
    });
    // Runs started in the background finish (within the grace) before the table goes away.
    cleanups.push(async () => void (await settleWithin(adapters.drain(), drainUntil - Date.now())));

    const api = await startApiServer({ port: options.port, host: options.host, routes: options.routes, log });
    cleanups.push(() => api.close(drainUntil - Date.now()));
    // Schedules fire only once the API is up, and stop first, before anything they use goes.
    await adapters.runner.start();
    cleanups.push(() => adapters.runner.stop());
    const { env } = await import('../../shared/config/env');
    const { SweepTimer } = await import('./sweep-timer');
    const sweeper = new SweepTimer(env.RUN_SWEEP_INTERVAL_MS);
    if (options.sweep ?? true) sweeper.start();
    cleanups.push(() => sweeper.stop());
    return {
      apiUrl: api.url,
      dynamodbEndpoint: endpoint,
      tableName,
      demo,
      adapters,
      stubs,
      api,
      sweeper,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
