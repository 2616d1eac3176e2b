import './quiet-sdk-notice';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allFunctions } from '../routes';
import { LocalResponseStream, installAwsLambdaGlobals, isStreamingHandler } from './awslambda-globals';
import { HandlerLoader } from './handler-loader';
import { lambdaContext } from './lambda-context';
import { configureEnvironment } from './local-stack';
import { DEFAULT_LOCAL_DIR } from './local-paths';
import { NoLocalStackError, openLocalTable, type LocalTable } from './local-table';

const USAGE = `Usage: npm run invoke -- <FunctionName> --event <file.json> [--data-dir <dir>]

Runs one function's handler the way the Lambda runtime does and prints its result,
like \`sam local invoke\`, against the local stack running on --data-dir (default
.local/): its table and its local KMS key. With no stack running there it refuses
(exit code 2); start one with \`npm start\`.

Functions: ${allFunctions.map((f) => f.name).join(', ')}
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string', short: 'e' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const fn = allFunctions.find((f) => f.name === positionals[0]);
  if (values.help || !fn) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const event = values.event ? JSON.parse(readFileSync(path.resolve(values.event), 'utf8')) : {};

  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : DEFAULT_LOCAL_DIR;
  let table: LocalTable;
  try {
    table = openLocalTable(dataDir);
  } catch (err) {
    if (!(err instanceof NoLocalStackError)) throw err;
    process.stderr.write(`invoke: ${err.message}\n`);
    return 2;
  }
  configureEnvironment(table.endpoint, table.tableName);
  installAwsLambdaGlobals();
  // Loaded only now: the shared runtime reads its configuration on load.
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const { installLocalAdapters } = await import('./local-adapters');
  const client = createDocumentClient({ endpoint: table.endpoint });
  const adapters = await installLocalAdapters({
    deps: { client, tableName: table.tableName },
    kmsDir: table.dataDir,
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
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`invoke failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
