/**
 * e2e only (setupFilesAfterEnv): once a test file is done, it fails if any response its
 * stacks gave broke the API contract (./contract-check.ts), and leaves the (route, status)
 * pairs it covered where the run's global teardown sums them up (./contract-coverage.ts).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT_COVERAGE_ENV, checkObserved, describeViolations } from './contract-check';

afterAll(() => {
  const { violations, covered } = checkObserved();
  const dir = process.env[CONTRACT_COVERAGE_ENV];
  const testPath = expect.getState().testPath ?? 'unknown';
  if (dir && covered.size > 0) {
    const name = createHash('sha256').update(testPath).digest('hex').slice(0, 16);
    writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({ testPath, covered: Object.fromEntries(covered), violations: violations.length }),
    );
  }
  if (violations.length > 0) throw new Error(describeViolations(violations));
});
