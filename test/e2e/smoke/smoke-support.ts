import { callApi } from '../../support/http';
import { runTool, type ToolRun } from '../../support/run-tool';

/** Every check of a passing smoke, in the order it prints them. */
export const JOURNEY_CHECKS = [
  'health',
  'keys.create',
  'keys.list',
  'automation.settings',
  'session.open',
  'chat',
  'chat.stream',
  'session.close',
  'plan.create',
  'plan.run-now',
  'webhook.unsigned.create',
  'webhook.unsigned.wait',
  'webhook.signed.create',
  'webhook.signed.refuses-unsigned',
  'webhook.signed.wait',
  'webhook.signed.queued',
  'trace.create',
  'trace.deploy',
  'scheduler.jobs',
  'trace.pause',
  'trace.paused',
  'trace.delete',
  'audit',
];

export interface CheckLine {
  outcome: 'ok' | 'info' | 'FAIL' | 'skip';
  name: string;
  text: string;
}

export interface SmokeRun extends ToolRun {
  checks: CheckLine[];
  /** What the names of everything this run created start with. */
  prefix: string;
}

const CHECK_LINE = /^(ok|info|FAIL|skip) +(\S+?)(?::| \(\d+ ms\)$)/;

/** `npm run smoke` as CI runs it: a separate process, talking to the stack over HTTP only. */
export function runSmoke(apiUrl: string, key: string, extra: string[] = []): Promise<SmokeRun> {
  return runSmokeCli(['--url', apiUrl, '--key', key, ...extra]);
}

/** The smoke CLI with exactly these arguments (and no FLOWGATE_KEY in its environment). */
export async function runSmokeCli(args: string[]): Promise<SmokeRun> {
  const run = await runTool('infra/smoke/cli.ts', args);
  const checks = run.stdout
    .split('\n')
    .map((text) => ({ text, match: CHECK_LINE.exec(text) }))
    .filter(({ match }) => match)
    .map(({ text, match }) => ({ outcome: match![1] as CheckLine['outcome'], name: match![2]!, text }));
  const prefix = /names start with (smoke-[0-9T]+-[0-9a-f]+)\)/.exec(run.stdout)?.[1] ?? '';
  return { ...run, checks, prefix };
}

/** Every page of a list route, by its `next_cursor`. */
async function allPages(apiUrl: string, key: string, path: string, field: string) {
  const items: { name?: string }[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await callApi(apiUrl, key, `${path}?limit=100${query}`);
    expect(res.status).toBe(200);
    items.push(...res.body[field]);
    cursor = res.body.next_cursor;
  } while (cursor);
  return items;
}

/** Keys, plans, traces and jobs of the key's user whose names start with `prefix`. */
export async function leftovers(apiUrl: string, key: string, prefix: string): Promise<string[]> {
  const keys = await callApi(apiUrl, key, '/api/v1/auth/keys');
  const jobs = await callApi(apiUrl, key, '/api/scheduler/jobs');
  const named = [
    ...keys.body.data,
    ...jobs.body.jobs,
    ...(await allPages(apiUrl, key, '/api/execution-plans', 'plans')),
    ...(await allPages(apiUrl, key, '/automation/traces', 'traces')),
  ] as { name?: string | null }[];
  return named.map((item) => item.name ?? '').filter((name) => name.startsWith(prefix));
}

/** What must never appear in the smoke's output: keys, webhook tokens, signing secrets. */
export const CREDENTIAL_SHAPES = [/fg_[A-Za-z0-9_-]{43}/, /whsec_[A-Za-z0-9_-]{8,}/, /wh_[A-Za-z0-9_-]{43}/];
