import '../local/quiet-sdk-notice';
import { parseArgs } from 'node:util';
import { NoLocalStackError } from '../local/local-table';
import { resolveTarget, type TableTarget } from './target';

const USAGE = `Flowgate admin

Usage: npm run admin -- <command> [options]

Commands:
  create-user --email <e-mail> [--name <key name>]   create a user and their first API key
  create-key  (--email <e-mail> | --user <id>) [--name <key name>]
  revoke-key  (--email <e-mail> | --user <id>) --key <key id>
  list-keys   (--email <e-mail> | --user <id>)
  flag show   [--user <id>]                          the rollout, and whether a user is in it
  flag set    [--percent <0-100>] [--allow <ids>]    change it (comma-separated user ids)
  flag clear                                         remove it: every user is eligible
  reconcile   [--repair] [--grace-seconds <s>]       compare the schedules the table records with
                                                     the scheduler's; --repair fixes each difference
                                                     (exit code 1 while differences remain)
  secret set <name> --stage <stage> [--region <r>]  write a deployed stage's upstream secret
                                                     (upstream-api-key, morpheus-router-password)
                                                     from stdin, never echoed; the local stack
                                                     reads UPSTREAM_API_KEY / MORPHEUS_ROUTER_PASSWORD
  secret status <name> --stage <stage>               whether it has a value and when it last changed

Target (default: the table of the local stack running on --data-dir):
  --data-dir <dir>    the running \`npm start\`'s data directory (default .local/); with no
                      stack running there the command refuses (exit code 2)
  --table <name>      a deployed table (AWS credentials from the usual chain)
  --region <region>   its region
  --endpoint <url>    a DynamoDB endpoint other than AWS's

Scheduler for reconcile (default, and with --endpoint: the local scheduler, group flowgate-local):
  --group <name>      the schedule group (with --table: the stack's ScheduleGroupName output)
  --outputs <file>    read the group and the ARNs below from \`cdk deploy --outputs-file\`
  --target-arn <arn>  the execution function   } needed with --table and --repair, as
  --role-arn <arn>    the scheduler role       } repairs create and update schedules
  --dlq-arn <arn>     the dead-letter queue    }

Secrets (AWS credentials from the usual chain):
  --stage <name>      the stage (config/stages/<name>.json; dev when only --region is given);
                      its secret flowgate/<stage>/<name>, or the ARN the stage config names
  --region <region>   default: the imported ARN's, the stage's, or the SDK's usual chain
`;

const COMMANDS = [
  'create-user',
  'create-key',
  'revoke-key',
  'list-keys',
  'flag',
  'reconcile',
  'secret',
] as const;
type Command = (typeof COMMANDS)[number];

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      key: { type: 'string' },
      percent: { type: 'string' },
      allow: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
      repair: { type: 'boolean' },
      'grace-seconds': { type: 'string' },
      group: { type: 'string' },
      outputs: { type: 'string' },
      'target-arn': { type: 'string' },
      'role-arn': { type: 'string' },
      'dlq-arn': { type: 'string' },
      stage: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] as Command | undefined;
  if (values.help || !command || !COMMANDS.includes(command)) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }

  // Secrets live in Secrets Manager, not the table: no table target, no shared runtime.
  if (command === 'secret') {
    const { secretCommand } = await import('./secret-command');
    const { readSecretInput } = await import('./hidden-input');
    return secretCommand(positionals.slice(1), values, {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      readValue: readSecretInput,
    });
  }

  let target: TableTarget;
  try {
    target = resolveTarget(values);
  } catch (err) {
    if (!(err instanceof NoLocalStackError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    return 2;
  }
  // The shared runtime reads its configuration at load, so it is loaded only now.
  process.env.TABLE_NAME = target.tableName;
  if (target.region) process.env.AWS_REGION = target.region;
  const { createDocumentClient } = await import('../../shared/clients/dynamodb');
  const commands = await import('./identity-commands');
  const flagCommands = await import('./flag-commands');
  const deps = {
    client: createDocumentClient({ endpoint: target.endpoint, region: target.region }),
    tableName: target.tableName,
  };
  const io = { out: (line: string) => process.stdout.write(line + '\n') };
  process.stderr.write(`(${target.describe})\n`);
  try {
    if (command === 'reconcile') {
      const { reconcileCommand, schedulerFor } = await import('./reconcile-command');
      const { env } = await import('../../shared/config/env');
      const port = schedulerFor(deps, values, {
        maximumRetryAttempts: env.SCHEDULER_MAX_RETRY_ATTEMPTS,
        maximumEventAgeSeconds: env.SCHEDULER_MAX_EVENT_AGE_SECONDS,
      });
      return await reconcileCommand(deps, port, values, io);
    }
    const run = {
      'create-user': commands.createUser,
      'create-key': commands.createKey,
      'revoke-key': commands.revokeKey,
      'list-keys': commands.listKeys,
      flag: (d: typeof deps, v: typeof values, o: typeof io) =>
        flagCommands.flag(d, positionals.slice(1), v, o),
    }[command];
    await run(deps, values, io);
    return 0;
  } catch (err) {
    if (err instanceof commands.UsageError || (err as { expose?: boolean }).expose) {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  } finally {
    deps.client.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  },
);
