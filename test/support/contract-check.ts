/**
 * The contract test: every response the local API server gives during the e2e tests is
 * checked against the OpenAPI document (shared/contract/) for its route and status. An
 * undocumented status, a body that does not match its schema (an extra field included)
 * or a JSON route answering something else is a violation; test/support/contract-setup.ts
 * fails the test file that saw one.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { ValidateFunction } from 'ajv';
import type { RouteDef } from '../../infra/routes';

export interface ContractViolation {
  route: string;
  status: number;
  problem: string;
  body: string;
}

interface ObservedResponse {
  route: RouteDef;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

interface ContractRecord {
  /** Kept until the file is done: checking them then keeps the tests' own timing as it was. */
  observed: ObservedResponse[];
  /** `RouteName status` pairs seen, with how many responses each. */
  covered: Map<string, number>;
}

type Json = Record<string, unknown>;

// One record per jest test file (module registry), shared by any copy of this module in it.
const KEY = Symbol.for('flowgate.contract-record');
const holder = globalThis as unknown as Record<symbol, ContractRecord | undefined>;

export function contractRecord(): ContractRecord {
  return (holder[KEY] ??= { observed: [], covered: new Map() });
}

/** Where each e2e test file leaves the (route, status) pairs it covered: one directory per jest run. */
export const CONTRACT_COVERAGE_ENV = 'FLOWGATE_CONTRACT_COVERAGE_DIR';

const DOC_ID = 'flowgate-openapi';

interface Checker {
  doc: Json;
  validator(schema: unknown): ValidateFunction;
}

let checker: Checker | undefined;

/** Built on first use: the shared runtime reads its configuration on load, after the stack set it. */
function getChecker(): Checker {
  if (checker) return checker;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { routes } = require('../../infra/routes') as typeof import('../../infra/routes');
  const { buildOpenApiDocument } =
    require('../../shared/contract/openapi') as typeof import('../../shared/contract/openapi');
  const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const doc = buildOpenApiDocument(routes);
  // strict: false because the added document has OpenAPI keys (components, responses) around its schemas.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, components: { schemas: (doc.components as Json).schemas } } as Json);
  const cache = new Map<string, ValidateFunction>();
  checker = {
    doc,
    validator(schema) {
      // Local refs point into the document: re-anchor them on it.
      const text = JSON.stringify(schema).replaceAll(
        '"#/components/schemas/',
        `"${DOC_ID}#/components/schemas/`,
      );
      let validate = cache.get(text);
      if (!validate) {
        validate = ajv.compile(JSON.parse(text) as Json);
        cache.set(text, validate);
      }
      return validate;
    },
  };
  return checker;
}

function resolveRef(doc: Json, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((at, key) => at[key] as Json, doc);
}

function headerValue(headers: OutgoingHttpHeaders, name: string): string {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

/** What is wrong with one response for its route and status, or undefined when nothing is. */
export function contractProblem(
  route: RouteDef,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
): string | undefined {
  const { doc, validator } = getChecker();
  const operation = ((doc.paths as Json)[route.path] as Json | undefined)?.[route.method.toLowerCase()] as
    Json | undefined;
  if (!operation) return `${route.method} ${route.path} is not in the OpenAPI document`;
  const responses = operation.responses as Record<string, Json>;
  const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  if (!documented)
    return `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`;
  const response = resolveRef(doc, documented);
  const content = response.content as Record<string, Json> | undefined;
  if (!content) return body.length === 0 ? undefined : `status ${status} is documented without a body`;
  const type = headerValue(headers, 'content-type').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream' && content['text/event-stream']) return undefined;
  const json = content['application/json'];
  if (!json) return `content type ${type || '(none)'} is not documented for status ${status}`;
  if (type !== 'application/json')
    return `content type ${type || '(none)'} where application/json is documented`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  const validate = validator(json.schema);
  if (validate(parsed)) return undefined;
  return (validate.errors ?? [])
    .map((e) => {
      const params = e.keyword === 'pattern' ? '' : ` ${JSON.stringify(e.params)}`;
      return `${e.instancePath || '(body)'} ${e.message ?? e.keyword}${params}`;
    })
    .join('; ');
}

/** The observer startTestStack installs on every e2e stack's API server. */
export function observeContract(route: RouteDef, status: number, headers: OutgoingHttpHeaders, body: Buffer) {
  contractRecord().observed.push({ route, status, headers, body });
}

/** Checks what was observed so far (and forgets it): the violations, and the pairs covered. */
export function checkObserved(): { violations: ContractViolation[]; covered: Map<string, number> } {
  const record = contractRecord();
  const violations: ContractViolation[] = [];
  if (record.observed.length === 0) return { violations, covered: record.covered };
  const { contracts } = require('../../shared/contract') as typeof import('../../shared/contract'); // eslint-disable-line @typescript-eslint/no-require-imports
  for (const { route, status, headers, body } of record.observed.splice(0)) {
    // Routes only tests add (test/support/test-routes.ts) have no contract to keep.
    if (!(route.name in contracts)) continue;
    const key = `${route.name} ${status}`;
    record.covered.set(key, (record.covered.get(key) ?? 0) + 1);
    let problem: string | undefined;
    try {
      problem = contractProblem(route, status, headers, body);
    } catch (err) {
      problem = `the check itself failed: ${(err as Error).message}`;
    }
    if (problem) {
      violations.push({ route: route.name, status, problem, body: body.toString('utf8').slice(0, 500) });
    }
  }
  return { violations, covered: record.covered };
}

export function describeViolations(violations: readonly ContractViolation[]): string {
  const lines = violations
    .slice(0, 20)
    .map((v) => `- ${v.route} ${v.status}: ${v.problem}\n    body: ${v.body}`);
  const more = violations.length > 20 ? `\n… and ${violations.length - 20} more` : '';
  return `${violations.length} response(s) broke the API contract (shared/contract/):\n${lines.join('\n')}${more}`;
}
