/**
 * The OpenAPI 3.1 document, built from the route table (method, path, auth) and the
 * contract (./index.ts: the handlers' own request schemas and the response schemas), so
 * neither can drift from what is deployed. Served by functions/get-openapi.ts.
 */
import * as z from 'zod';
import type { RouteDef } from '../../infra/routes/types';
import { errorStyleFor, type ErrorStyle } from '../http/render-error';
import { SIGNATURE_HEADER } from '../webhooks/webhook-secrets';
import {
  AutomationScheduleView,
  LastRun,
  RunLog,
  RunSummary,
  StepResult,
  StoredStep,
  Timestamp,
} from './common';
import { SchedulerJob } from './deployment';
import { Credential, Plan } from './engine';
import {
  API_KEY_ERROR_STATUSES,
  COMMON_ERROR_STATUSES,
  ERROR_DESCRIPTIONS,
  GatewayError,
  OpenAiError,
  StandardError,
} from './errors';
import { AuditEntry } from './audit';
import {
  AutomationSettings,
  ChatCompletion,
  EmbeddingList,
  ModelSession,
  ResponseObject,
  TextCompletion,
} from './gateway';
import { ApiKey } from './identity';
import { contracts, contractsByTag, type RouteContract } from './index';
import { Integration } from './integrations';
import { Trace } from './traces';
import { PlanBodySchema, StepSchema } from '../plans/plan-schema';
import { IntegrationBody } from '../integrations/integration-schema';

export const API_TITLE = 'Flowgate API';
export const API_VERSION = '0.1.0';

type Json = Record<string, unknown>;

/** Response bodies and the pieces several of them share, by component name. */
const NAMED_OUTPUTS: Readonly<Record<string, z.ZodType>> = {
  Timestamp,
  Step: StoredStep,
  StepResult,
  RunLog,
  RunSummary,
  LastRun,
  PlanSchedule: AutomationScheduleView,
  Plan,
  Credential,
  Trace,
  Integration,
  SchedulerJob,
  AuditEntry,
  ApiKey,
  ModelSession,
  AutomationSettings,
  ChatCompletion,
  TextCompletion,
  EmbeddingList,
  ResponseObject,
  StandardError,
  OpenAiError,
  GatewayError,
};

/** Request bodies more than one route takes (or that others embed). */
const NAMED_INPUTS: Readonly<Record<string, z.ZodType>> = {
  StepInput: StepSchema,
  PlanBody: PlanBodySchema,
  IntegrationBody,
};

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const CONVERT = {
  target: 'draft-2020-12',
  unrepresentable: 'any',
  uri: (id: string) => `#/components/schemas/${id}`,
} as const;

/** One registry per direction: a request is described as it may be sent, a response as it is. */
class Components {
  private readonly outputs = z.registry<{ id: string }>();
  private readonly inputs = z.registry<{ id: string }>();
  private readonly ids = new Set<string>();

  constructor() {
    for (const [id, schema] of Object.entries(NAMED_OUTPUTS)) this.add(this.outputs, schema, id);
    for (const [id, schema] of Object.entries(NAMED_INPUTS)) this.add(this.inputs, schema, id);
  }

  output(schema: z.ZodType, id: string) {
    return schemaRef(this.outputs.get(schema)?.id ?? this.add(this.outputs, schema, id));
  }

  input(schema: z.ZodType, id: string) {
    return schemaRef(this.inputs.get(schema)?.id ?? this.add(this.inputs, schema, id));
  }

  schemas(): Record<string, Json> {
    const convert = (registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output') =>
      z.toJSONSchema(registry, { ...CONVERT, io }).schemas as Record<string, Json>;
    const all = { ...convert(this.outputs, 'output'), ...convert(this.inputs, 'input') };
    // Components are referenced by their place in the document; their own $id and $schema would only confuse resolvers.
    return Object.fromEntries(
      Object.keys(all)
        .sort()
        .map((id) => {
          const { $id: _id, $schema: _schema, ...schema } = all[id]!;
          return [id, schema];
        }),
    );
  }

  private add(registry: z.core.$ZodRegistry<{ id: string }>, schema: z.ZodType, id: string): string {
    if (this.ids.has(id)) throw new Error(`OpenAPI component ${id} is defined twice`);
    this.ids.add(id);
    registry.add(schema, { id });
    return id;
  }
}

function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _schema, ...json } = z.toJSONSchema(schema, { ...CONVERT, io: 'input' }) as Json;
  return json;
}

function parameters(route: RouteDef, contract: RouteContract): Json[] {
  const out: Json[] = [];
  const pathSchema = contract.request?.path ? jsonSchemaOf(contract.request.path) : {};
  const pathProps = (pathSchema.properties ?? {}) as Record<string, Json>;
  for (const [, name] of route.path.matchAll(/\{(\w+)\+?\}/g)) {
    const schema = pathProps[name!];
    // A path id is checked by its shape in code (a malformed one is the route's 404), not by a type.
    out.push({ name, in: 'path', required: true, schema: schema?.type ? schema : { type: 'string' } });
  }
  if (contract.request?.query) {
    const query = jsonSchemaOf(contract.request.query);
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, Json>)) {
      const { description, ...rest } = schema;
      out.push({
        name,
        in: 'query',
        required: required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
    if (query.additionalProperties && !query.properties) {
      out.push({
        name: 'params',
        in: 'query',
        description: 'Any query parameters, passed on as strings',
        schema: { type: 'object', additionalProperties: query.additionalProperties },
        style: 'form',
        explode: true,
      });
    }
  }
  return out;
}

function requestBody(route: RouteDef, contract: RouteContract, components: Components): Json | undefined {
  if (contract.rawBody) {
    return { required: false, description: contract.rawBody, content: { '*/*': { schema: {} } } };
  }
  const body = contract.request?.body;
  if (!body) return undefined;
  // The wrapper reads an empty body as {}, so a body whose fields are all optional may be left out.
  return {
    required: !body.safeParse({}).success,
    content: { 'application/json': { schema: components.input(body, `${route.name}Body`) } },
  };
}

const REQUEST_ID_HEADER = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };

const errorResponseId = (style: ErrorStyle, status: number | string) =>
  `${style === 'openai' ? 'OpenAi' : 'Standard'}Error${status}`;

function responses(route: RouteDef, contract: RouteContract, components: Components, errorIds: Set<string>) {
  const out: Record<string, Json> = {};
  for (const [status, response] of Object.entries(contract.responses)) {
    const content: Json = {};
    if (response.schema) {
      content['application/json'] = { schema: components.output(response.schema, `${route.name}${status}`) };
    }
    if (response.eventStream) content['text/event-stream'] = { schema: { type: 'string' } };
    out[status] = {
      description: response.eventStream
        ? `${response.description}; with \`stream: true\`, ${response.eventStream}`
        : response.description,
      headers: REQUEST_ID_HEADER,
      ...(Object.keys(content).length ? { content } : {}),
    };
  }
  const style = errorStyleFor(route.path);
  const statuses = [
    ...COMMON_ERROR_STATUSES,
    ...(route.auth === 'apiKey' ? API_KEY_ERROR_STATUSES : []),
    ...(contract.errors ?? []),
  ];
  for (const status of [...new Set(statuses)].sort((a, b) => String(a).localeCompare(String(b)))) {
    const id = errorResponseId(style, status);
    errorIds.add(id);
    out[String(status)] = { $ref: `#/components/responses/${id}` };
  }
  return out;
}

function errorResponses(ids: Set<string>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const id of [...ids].sort()) {
    const [, dialect, status] = /^(OpenAi|Standard)Error(.+)$/.exec(id)!;
    // API Gateway's own answers (401, 403, 429, 504…) carry both dialects' fields (GatewayError).
    const schema =
      dialect === 'OpenAi'
        ? schemaRef('OpenAiError')
        : { anyOf: [schemaRef('StandardError'), schemaRef('GatewayError')] };
    out[id] = {
      description: ERROR_DESCRIPTIONS[status!] ?? 'Error',
      headers: REQUEST_ID_HEADER,
      content: { 'application/json': { schema } },
    };
  }
  return out;
}

const SECURITY: Record<RouteDef['auth'], Json[]> = {
  apiKey: [{ apiKey: [] }],
  // The token in the path is the credential; the webhook's verification mode may ask for more.
  webhook: [{ webhookSignature: [] }, {}],
  public: [],
};

function tagOf(name: string): string {
  const tag = Object.entries(contractsByTag).find(([, domain]) => name in domain)?.[0];
  if (!tag) throw new Error(`Route ${name} has no API contract (shared/contract/)`);
  return tag;
}

/** The whole document; pure, so a cold start builds it once and tests build it the same way. */
export function buildOpenApiDocument(routes: readonly RouteDef[]): Json {
  const components = new Components();
  const errorIds = new Set<string>();
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const contract = contracts[route.name];
    const tag = tagOf(route.name);
    const body = requestBody(route, contract!, components);
    const params = parameters(route, contract!);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: contract!.summary,
      ...(contract!.description ? { description: contract!.description } : {}),
      tags: [tag],
      security: SECURITY[route.auth],
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route, contract!, components, errorIds),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: API_VERSION,
      description:
        'Serverless AI-automation backend: an OpenAI-compatible LLM gateway (`/api/v1`) and an automation engine. ' +
        'Gateway routes answer errors in OpenAI\'s shape, `{"error":{"message","type","param","code"}}`; the others ' +
        'as `{"error":{"code","message","details"}}`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: Object.keys(contractsByTag).map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas(),
      responses: errorResponses(errorIds),
      headers: {
        RequestId: { description: 'The request id, for support and the logs', schema: { type: 'string' } },
      },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'fg_…',
          description: 'A Flowgate API key: `Authorization: Bearer fg_…`',
        },
        webhookSignature: {
          type: 'apiKey',
          in: 'header',
          name: headerName(SIGNATURE_HEADER),
          description:
            "`sha256=<hex HMAC-SHA256 of the raw body>` with the webhook's signing secret (mode `flowgate`); the other modes' headers are in the TriggerWebhook description",
        },
      },
    },
  };
}

/** `x-flowgate-signature` → `X-Flowgate-Signature`. */
function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
