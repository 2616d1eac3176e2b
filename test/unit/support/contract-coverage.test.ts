import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routes } from '../../../infra/routes';
import { summarizeContractCoverage } from '../../support/contract-coverage';

describe('summarizeContractCoverage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'contract-coverage-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is undefined when no e2e file left a record', () => {
    expect(summarizeContractCoverage(dir, routes)).toBeUndefined();
  });

  it('sums the pairs over files and names the routes no file reached', () => {
    const file = (name: string, covered: Record<string, number>, violations = 0) =>
      writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ testPath: name, covered, violations }));
    file('a', { 'GetHealth 200': 2, 'GetExecutionPlan 404': 1 });
    file('b', { 'GetHealth 200': 3 }, 1);
    const coverage = summarizeContractCoverage(dir, routes);
    expect(coverage?.summary).toBe(
      `API contract: 6 responses from 2 e2e files checked, 1 violations; 2/${routes.length} routes, ` +
        '2 (route, status) pairs covered',
    );
    expect(coverage?.report).toContain('GetExecutionPlan 404\t1\nGetHealth 200\t5\n');
    const missed = coverage?.report.match(/routes not covered: (.*)/)?.[1]?.split(', ');
    expect(missed).toHaveLength(routes.length - 2);
    expect(missed).toContain('ListExecutionPlans');
    expect(missed).not.toContain('GetHealth');
  });
});
