import './quiet-sdk-notice';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allFunctions } from '../routes';
import { LocalResponseStream, installAwsLambdaGlobals, isStreamingHandler } from './awslambda-globals';
import { HandlerLoader } from './handler-loader';
import { lambdaContext } from './lambda-context';
import { configureEnvironment } from './local-stack';
import { localPaths } from './local-paths';
import { openLocalTable } from './local-table';

const USAGE = `Usage: npm run invoke -- <FunctionName> --event <file.json>

Runs one function's handler the way the Lambda runtime does and prints its result,
like \`sam local invoke\`. It uses the running local stack's table, or starts DynamoDB
Local on .local/ for the duration of the call.

Functions: ${allFunctions.map((f) => f.name).join(', ')}
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { event: { type: 'string', short: 'e' }, help: { type: 'boolean', short: 'h' } },
  });
  const fn = allFunctions.find((f) => f.name === positionals[0]);
  if (values.help || !fn) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const event = values.event ? JSON.parse(readFileSync(path.resolve(values.event), 'utf8')) : {};

  const table = await openLocalTable();
  try {
    configureEnvironment(table.endpoint, table.tableName);
    installAwsLambdaGlobals();
    // Loaded only now: the shared runtime reads its configuration on load.
    const { createDocumentClient } = await import('../../shared/clients/dynamodb');
    const { installLocalAdapters } = await import('./local-adapters');
    const client = createDocumentClient({ endpoint: table.endpoint });
    const adapters = await installLocalAdapters({
      deps: { client, tableName: table.tableName },
      kmsDir: localPaths().dir,
    });
    const handler = new HandlerLoader().load(fn);
    const context = lambdaContext(fn.name, fn.timeoutSeconds, fn.memoryMb);
    const started = Date.now();
    if (isStreamingHandler(handler)) {
      const stream = new LocalResponseStream(
        (prelude) => process.stderr.write(`prelude ${JSON.stringify(prelude)}\n`),
        process.stdout,
      );
      await handler(event, stream, context);
      process.stdout.write('\n');
    } else {
      const result = await (handler as (e: unknown, c: unknown) => Promise<unknown>)(event, context);
      process.stdout.write(JSON.stringify(result ?? null, null, 2) + '\n');
    }
    await adapters.drain();
    client.destroy();
    process.stderr.write(`${fn.name} (${fn.handler}) finished in ${Date.now() - started} ms\n`);
    return 0;
  } finally {
    await table.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`invoke failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
