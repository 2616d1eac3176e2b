import { routes } from '../../../infra/routes';
import type { RouteDef } from '../../../infra/routes';
import {
  checkObserved,
  contractProblem,
  contractRecord,
  describeViolations,
  observeContract,
} from '../../support/contract-check';

const route = (name: string): RouteDef => {
  const found = routes.find((r) => r.name === name);
  if (!found) throw new Error(`no route ${name}`);
  return found;
};
const json = { 'content-type': 'application/json' };
const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const health = { status: 'healthy', timestamp: '2026-12-02T10:00:00.000Z', scheduler: 'active' };
const notFound = { error: { code: 'not_found', message: 'Execution plan not found', details: null } };

describe('contractProblem', () => {
  it('accepts a response that matches its documented schema', () => {
    expect(contractProblem(route('GetHealth'), 200, json, body(health))).toBeUndefined();
    expect(contractProblem(route('GetExecutionPlan'), 404, json, body(notFound))).toBeUndefined();
  });

  it('refuses a field the schema does not document', () => {
    expect(contractProblem(route('GetHealth'), 200, json, body({ ...health, version: '1' }))).toMatch(
      /additional properties.*version/,
    );
    const extra = { error: { ...notFound.error, stack: 'at x' } };
    expect(contractProblem(route('GetExecutionPlan'), 404, json, body(extra))).toMatch(/stack/);
  });

  it('refuses a missing field and a wrong type', () => {
    const { scheduler: _scheduler, ...missing } = health;
    expect(contractProblem(route('GetHealth'), 200, json, body(missing))).toMatch(/scheduler/);
    expect(contractProblem(route('GetHealth'), 200, json, body({ ...health, status: 'ok' }))).toMatch(
      /\/status/,
    );
  });

  it('refuses a status the route does not document', () => {
    expect(contractProblem(route('GetHealth'), 404, json, body(notFound))).toMatch(
      /status 404 is not documented/,
    );
    expect(contractProblem(route('GetExecutionPlan'), 418, json, body(notFound))).toMatch(/418/);
  });

  it('refuses a body that is not JSON, or not labelled as JSON', () => {
    expect(contractProblem(route('GetHealth'), 200, json, Buffer.from('healthy'))).toBe(
      'the body is not JSON',
    );
    expect(contractProblem(route('GetHealth'), 200, { 'content-type': 'text/plain' }, body(health))).toMatch(
      /text\/plain/,
    );
  });

  it('refuses a body where the status is documented without one', () => {
    expect(contractProblem(route('DeleteExecutionPlan'), 204, {}, Buffer.alloc(0))).toBeUndefined();
    expect(contractProblem(route('DeleteExecutionPlan'), 204, json, body({ deleted: true }))).toMatch(
      /without a body/,
    );
  });
});

describe('checkObserved', () => {
  it('counts the (route, status) pairs seen and reports each violation once', () => {
    contractRecord().covered.clear();
    observeContract(route('GetHealth'), 200, json, body(health));
    observeContract(route('GetHealth'), 200, json, body(health));
    observeContract(route('GetHealth'), 200, json, body({ ...health, leaked: 'x' }));
    // A route only tests add has no contract: it is neither counted nor checked.
    observeContract({ ...route('GetHealth'), name: 'TestOnlyRoute' }, 200, json, body({ anything: 1 }));
    const first = checkObserved();
    expect(Object.fromEntries(first.covered)).toEqual({ 'GetHealth 200': 3 });
    expect(first.violations).toHaveLength(1);
    expect(first.violations[0]).toMatchObject({ route: 'GetHealth', status: 200 });
    expect(describeViolations(first.violations)).toMatch(
      /1 response\(s\) broke the API contract[\s\S]*leaked/,
    );
    expect(checkObserved().violations).toEqual([]);
  });
});
