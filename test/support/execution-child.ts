import '../../infra/local/quiet-sdk-notice';
import type { Context } from 'aws-lambda';
import { executionFunction } from '../../infra/routes';
import { HandlerLoader } from '../../infra/local/handler-loader';
import { lambdaContext } from '../../infra/local/lambda-context';
import { configureEnvironment } from '../../infra/local/local-stack';

/*
 * One invocation of the execution function in a process of its own, as a Lambda container
 * runs it: the handler loaded the way the runtime loads it, the local adapters that
 * `npm run invoke` installs, the payload from argv[2], and a context whose remaining time
 * counts down from argv[3] ms. It prints one JSON line as the invocation starts (with the
 * instant the context says it times out), one per asynchronous invoke it makes (a hand-off:
 * the parent, standing in for Lambda, starts that invocation) and one with the handler's
 * result. Killing the process is what Lambda does at the timeout (./execution-process.ts).
 *
 * DYNAMODB_ENDPOINT and TABLE_NAME come from the environment, like the function's own.
 */
/** The parent tells these lines from log lines by `child`. */
const say = (child: 'invoked' | 'invoke' | 'result', fields: Record<string, unknown>) =>
  process.stdout.write(JSON.stringify({ child, ...fields }) + '\n');

async function main(): Promise<void> {
  const payload: unknown = JSON.parse(process.argv[2] ?? 'null');
  const timeoutMs = Number(process.argv[3]);
  const endpoint = process.env.DYNAMODB_ENDPOINT as string;
  const tableName = process.env.TABLE_NAME as string;
  configureEnvironment(endpoint, tableName);
  // Loaded only now: the shared runtime reads its configuration on load.
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const { installLocalAdapters } = await import('../../infra/local/local-adapters');
  const client = createDocumentClient({ endpoint });
  await installLocalAdapters({ deps: { client, tableName } });
  const { installAdapters } = await import('../../shared/runtime/adapters');
  installAdapters({
    executionInvoker: () => ({ invoke: async (event) => void say('invoke', { payload: event }) }),
  });
  const handler = new HandlerLoader().load<(event: unknown, context: Context) => Promise<unknown>>(
    executionFunction,
  );
  const context = lambdaContext(executionFunction.name, timeoutMs / 1000, executionFunction.memoryMb);
  say('invoked', { timesOutAt: Date.now() + context.getRemainingTimeInMillis() });
  const result = await handler(payload, context);
  say('result', { result });
  client.destroy();
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`execution failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
