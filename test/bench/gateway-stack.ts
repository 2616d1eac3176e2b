/**
 * The local stack process of `npm run bench:gateway` (forked by test/bench/gateway.ts,
 * not run by hand): DynamoDB Local, the local API server, the authorizer and the real
 * chat handler, pointed at the stub upstream the parent started in a third process
 * (UPSTREAM_BASE_URL / MORPHEUS_ROUTER_URL in the environment, so the stack starts no
 * stubs of its own).
 *
 * DynamoDB calls are counted here, with SDK middleware on the handlers' client, and
 * reported to the measuring client over the IPC channel:
 *   parent → { id, op: 'reset' | 'calls' | 'stop' }
 *   child  → { id, calls: Record<command, count>, emfLines } (the reply to each op)
 *   child  → { op: 'ready', apiUrl, key } once the stack listens.
 */
import '../../infra/local/quiet-sdk-notice';
import { USAGE_WRITE, type StackReady, type StackReply, type StackRequest } from './gateway-ipc';

process.env.LOG_LEVEL = 'silent';
process.env.AUTOMATION_FEATURE_ENABLED = 'true';

// The handlers print one CloudWatch EMF line per metric set to stdout; in Lambda that is
// the log stream. Here they are still produced (and counted) but not shown.
const write = process.stdout.write.bind(process.stdout);
let emfLines = 0;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  if (String(chunk).includes('"_aws"')) {
    emfLines += 1;
    return true;
  }
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

async function main(): Promise<void> {
  if (!process.send) throw new Error('gateway-stack.ts is forked by test/bench/gateway.ts');
  if (!process.env.UPSTREAM_BASE_URL || !process.env.MORPHEUS_ROUTER_URL)
    throw new Error('UPSTREAM_BASE_URL and MORPHEUS_ROUTER_URL must point at the stub process');
  const { startLocalStack } = await import('../../infra/local/local-stack');
  const stack = await startLocalStack({ port: 0, inMemory: true });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stack.stop().finally(() => process.exit(0)));
  process.once('SIGTERM', () => void stop());
  process.once('disconnect', () => void stop());

  const { documentClient, defaultRepositoryDeps } = await import('../../shared/clients/dynamodb');
  const { AutomationSettingsRepository } = await import('../../shared/gateway/automation-settings');
  const calls = new Map<string, number>();
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const check = () => {
    const waiting = waiters;
    waiters = [];
    for (const waiter of waiting) waiter();
  };
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      // Usage counters are written once the response is out: counted apart from the request's path.
      const sk = (args.input as { Key?: { SK?: unknown } }).Key?.SK;
      const name =
        typeof sk === 'string' && sk.startsWith('USAGE#') ? USAGE_WRITE : (context.commandName ?? '?');
      calls.set(name, (calls.get(name) ?? 0) + 1);
      inFlight += 1;
      try {
        return await next(args);
      } finally {
        inFlight -= 1;
        check();
      }
    },
    { step: 'initialize', name: 'benchDynamoDbCallCounter' },
  );
  const settled = (usageWrites: number) =>
    new Promise<void>((resolve) => {
      const test = () => {
        if (inFlight === 0 && (calls.get(USAGE_WRITE) ?? 0) >= usageWrites) resolve();
        else waiters.push(test);
      };
      test();
    });
  // Automation on, so the key's first chat opens a model session and later ones reuse it.
  await new AutomationSettingsRepository(defaultRepositoryDeps(), {
    isEnabled: false,
    sessionDuration: 3600,
  }).update(stack.demo.userId, { isEnabled: true });

  process.on('message', async (message: StackRequest) => {
    if (message.op === 'settled') await settled(message.usageWrites ?? 0);
    const reply: StackReply = { id: message.id, calls: Object.fromEntries(calls), emfLines };
    if (message.op === 'reset') calls.clear();
    process.send!(reply);
    if (message.op === 'stop') void stop();
  });
  const { ApiKeyRepository } = await import('../../shared/identity/api-key-repository');
  const limited = await new ApiKeyRepository(defaultRepositoryDeps()).create(
    stack.demo.userId,
    'bench-limited',
    new Date(),
    { requestsPerMinute: 100_000_000 },
  );
  const ready: StackReady = {
    op: 'ready',
    apiUrl: stack.apiUrl,
    key: stack.demo.key,
    limitedKey: limited.plaintext,
  };
  process.send(ready);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
