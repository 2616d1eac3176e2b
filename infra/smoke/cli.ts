import { parseArgs } from 'node:util';
import { runSmoke } from './journey';

const USAGE = `Flowgate smoke test: the main journey against a running stage, cleaned up afterwards.

Usage: npm run smoke -- --url <api url> --key <api key> [--model <name>] [--verbose]

  --url <url>      the API URL (the stack's ApiUrl output, or npm start's "API" line)
  --key <key>      a Flowgate API key of the user the smoke acts as (or FLOWGATE_KEY)
  --model <name>   the model to chat with (default gpt-4o)
  --timeout <ms>   deadline of each request (default 30000)
  --verbose        also print every request's method, path, status and time

Exit code: 0 every check passed, 1 a check failed, 2 usage.
`;

interface Parsed {
  url: string;
  key: string;
  model: string;
  timeoutMs: number;
  verbose: boolean;
}

class UsageError extends Error {}

function parse(argv: string[]): Parsed | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        model: { type: 'string', default: 'gpt-4o' },
        timeout: { type: 'string', default: '30000' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const key = values.key ?? process.env.FLOWGATE_KEY;
  if (!values.url) throw new UsageError('--url is required');
  if (!key) throw new UsageError('--key (or FLOWGATE_KEY) is required');
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url is not a URL: ${values.url}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError('--url must be http or https');
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000)
    throw new UsageError('--timeout must be at least 1000 ms');
  return {
    url: url.href.replace(/\/+$/, ''),
    key,
    model: values.model,
    timeoutMs,
    verbose: values.verbose,
  };
}

async function main(argv: string[]): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  // A reader that goes away (`| head`) must not stop the smoke before its cleanup has run.
  process.stdout.on('error', () => undefined);
  const passed = await runSmoke({ ...parsed, out: (line) => process.stdout.write(line + '\n') });
  return passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  },
);
