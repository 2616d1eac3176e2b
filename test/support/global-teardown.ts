import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { routes } from '../../infra/routes';
import { CONTRACT_COVERAGE_ENV } from './contract-check';
import { summarizeContractCoverage } from './contract-coverage';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__FLOWGATE_DDB__?.stop();
  globalThis.__FLOWGATE_DDB__ = undefined;
  const dir = process.env[CONTRACT_COVERAGE_ENV];
  if (!dir) return;
  const coverage = summarizeContractCoverage(dir, routes);
  rmSync(dir, { recursive: true, force: true });
  if (!coverage) return;
  const out = path.join(process.cwd(), 'coverage', 'contract-coverage.txt');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, coverage.report);
  console.log(`${coverage.summary} (${path.relative(process.cwd(), out)})`);
}
