/**
 * What the e2e tests' contract checks covered, summed over the files of one jest run: the
 * routes and (route, status) pairs seen, and the routes no e2e test reached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteDef } from '../../infra/routes';

export interface ContractCoverage {
  /** One line for the end of the run. */
  summary: string;
  /** Every pair seen with its count, then the routes missed. */
  report: string;
}

export function summarizeContractCoverage(
  dir: string,
  routes: readonly RouteDef[],
): ContractCoverage | undefined {
  const pairs = new Map<string, number>();
  let files = 0;
  let violations = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      covered: Record<string, number>;
      violations: number;
    };
    files += 1;
    violations += data.violations;
    for (const [pair, count] of Object.entries(data.covered)) pairs.set(pair, (pairs.get(pair) ?? 0) + count);
  }
  if (files === 0) return undefined;
  const seen = new Set([...pairs.keys()].map((pair) => pair.split(' ')[0]));
  const missed = routes.filter((r) => !seen.has(r.name)).map((r) => r.name);
  const responses = [...pairs.values()].reduce((a, b) => a + b, 0);
  const summary =
    `API contract: ${responses} responses from ${files} e2e files checked, ${violations} violations; ` +
    `${seen.size}/${routes.length} routes, ${pairs.size} (route, status) pairs covered`;
  const lines = [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, n]) => `${p}\t${n}`);
  const report = [summary, '', ...lines, '', `routes not covered: ${missed.join(', ') || 'none'}`, ''].join(
    '\n',
  );
  return { summary, report };
}
