import { randomBytes } from 'node:crypto';
import { Cleanup } from './cleanup';
import { Redactor } from './redactor';
import { Reporter } from './reporter';
import { healthSection } from './sections/health';
import { identityAndGatewaySection } from './sections/identity-and-gateway';
import { plansAndWebhooksSection } from './sections/plans-and-webhooks';
import { tracesAndDeploymentSection } from './sections/traces-and-deployment';
import type { Section, SmokeContext } from './smoke-context';
import { SmokeHttp } from './smoke-http';

export interface SmokeOptions {
  url: string;
  key: string;
  model: string;
  timeoutMs: number;
  verbose: boolean;
  out: (line: string) => void;
}

/** `smoke-20261202T030405-1a2b`: sortable, and unique enough for two smokes started together. */
function newPrefix(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `smoke-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** The sections in order. They do not depend on each other, so one failing does not hide the next. */
const SECTIONS = [
  healthSection,
  identityAndGatewaySection,
  plansAndWebhooksSection,
  tracesAndDeploymentSection,
];

async function runSection(section: Section, report: Reporter): Promise<void> {
  let failed: string | undefined;
  for (const step of section.steps) {
    if (failed) report.skip(step.name, `after ${failed} failed`);
    else if ((await report.check(step.name, step.run)) === 'failed') failed = step.name;
  }
}

/** Runs the journey, then undoes what it created (whatever happened); true when every check held. */
export async function runSmoke(options: SmokeOptions): Promise<boolean> {
  const started = Date.now();
  const redactor = new Redactor();
  redactor.add(options.key);
  const report = new Reporter(options.out, redactor);
  const http = new SmokeHttp({
    baseUrl: options.url,
    timeoutMs: options.timeoutMs,
    trace: options.verbose ? (line) => report.line(`     ${line}`) : undefined,
  });
  const ctx: SmokeContext = {
    url: options.url,
    key: options.key,
    model: options.model,
    prefix: newPrefix(),
    timeoutMs: options.timeoutMs,
    http,
    cleanup: new Cleanup(),
    redactor,
    api: (method, path, call) => http.call(method, path, { key: options.key, ...call }),
  };
  report.line(`Flowgate smoke against ${ctx.url} (model ${ctx.model}, names start with ${ctx.prefix})`);
  try {
    for (const section of SECTIONS) await runSection(section(ctx), report);
  } finally {
    await ctx.cleanup.runAll(report);
  }
  report.summary(Date.now() - started);
  return report.failed.length === 0;
}
