import { request } from 'node:http';
import type { LocalStack } from '../../../infra/local/local-stack';
import type { RouteDef } from '../../../infra/routes';
import { hasLoneSurrogate } from '../../../shared/http/json-limits';
import { errorStyleFor } from '../../../shared/http/render-error';
import { callApi } from '../../support/http';

export const transformStep = (id: string, value: unknown = 1) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value },
});

/**
 * A valid body for every route that takes one, by route name; with it, a route answers
 * 2xx, or 404 for an unknown path id. Routes that read no body are listed in NO_BODY.
 */
export const VALID_BODIES: Record<string, unknown> = {
  CreateApiKey: { name: 'ci' },
  UpdateApiKey: { limits: { requests_per_minute: 10 } },
  UpdateAutomationSettings: { session_duration: 3600 },
  CreateModelSession: { sessionDuration: 600 },
  CreateChatCompletion: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
  CreateCompletion: { model: 'gpt-4o', prompt: 'hi' },
  CreateEmbedding: { model: 'gpt-4o', input: 'hi' },
  CreateResponse: { model: 'gpt-4o', input: 'hi' },
  CreateProviderCredential: { provider: 'openai', value: 'sk-hardening-0123456789' },
  RotateProviderCredential: { value: 'sk-hardening-rotated-0123' },
  CreateExecutionPlan: { name: 'p', steps: [transformStep('a')] },
  UpdateExecutionPlan: { name: 'p', steps: [transformStep('a')] },
  CreatePlanWebhook: { require_signature: false },
  ExecutePlan: { steps: [transformStep('a')] },
  CreateCustomIntegration: { name: 'crm', base_url: 'https://crm.example.com' },
  UpdateCustomIntegration: { name: 'crm', base_url: 'https://crm.example.com' },
  CreateAutomationTrace: { name: 't', steps: [transformStep('a')] },
  DeployAutomation: { trace_id: 'set per test', schedule_type: 'daily', schedule_time: '09:00' },
  ScheduleExecutionPlan: { schedule_type: 'daily', schedule_time: '09:00' },
};

/** POST/PUT/PATCH routes that read no JSON body (the webhook reads its raw body, any shape). */
export const NO_BODY = new Set(['CloseModelSession', 'UpdateDeploymentStatus', 'TriggerWebhook']);

/** Queries a route needs to get past validation. */
export const VALID_QUERIES: Record<string, string> = {
  CreateModelSession: 'model_id=gpt-4',
  UpdateDeploymentStatus: 'status=paused',
};

export const pathParams = (route: RouteDef) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

export const fillPath = (route: RouteDef, value: (name: string) => string) =>
  route.path.replace(/\{(\w+)\}/g, (_m, name: string) => value(name));

export interface RawResult {
  status: number;
  contentType: string;
  text: string;
}

/** One request exactly as given: no URL normalization, any method with any body. */
export function rawRequest(
  apiUrl: string,
  input: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(apiUrl);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.path,
        headers: {
          ...input.headers,
          ...(input.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(input.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(input.body);
  });
}

/** What is wrong with an error body for the route's dialect, or undefined when it is right. */
export function errorShapeProblem(route: RouteDef, text: string): string | undefined {
  let parsed: { error?: Record<string, unknown> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  const error = parsed.error;
  if (!error || typeof error !== 'object') return 'no error object';
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return 'no code or message';
  if (errorStyleFor(route.path) === 'openai') {
    if (typeof error.type !== 'string' || !('param' in error)) return 'not the OpenAI error shape';
  } else if (!('details' in error)) return 'no details';
  return undefined;
}

/** Whether any string or key anywhere in a parsed JSON value has a lone surrogate. */
export function containsLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string' && hasLoneSurrogate(next)) return true;
    if (next === null || typeof next !== 'object') continue;
    for (const [key, item] of Object.entries(next)) {
      if (hasLoneSurrogate(key)) return true;
      pending.push(item);
    }
  }
  return false;
}

export interface SeededData {
  key: string;
  planId: string;
  traceId: string;
  credentialId: string;
  integrationId: string;
  webhookToken: string;
}

/**
 * One user's plan (with an unsigned webhook), trace, credential and integration. The
 * identity helpers load the shared configuration, so they are imported only once the
 * stack has put its upstreams into the environment.
 */
export async function seedData(stack: LocalStack): Promise<SeededData> {
  const { createUserWithKey } = await import('../../support/identity');
  const { key } = await createUserWithKey('hardening');
  const post = async (path: string, body: unknown) => {
    const res = await callApi(stack.apiUrl, key, path, 'POST', body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const plan = await post('/api/execution-plans', { name: 'kept', steps: [transformStep('a', '😀 kept')] });
  const webhook = await post(`/api/execution-plans/${plan.id}/webhook`, { require_signature: false });
  const trace = await post('/automation/traces', { name: 'kept trace', steps: [transformStep('b')] });
  const credential = await post('/api/provider-credentials', {
    provider: 'groq',
    value: 'gsk_kept_0123456789',
  });
  const integration = await post('/api/custom-integrations', {
    name: 'kept',
    base_url: 'https://kept.example.com',
  });
  return {
    key,
    planId: plan.id,
    traceId: trace.id,
    credentialId: credential.id,
    integrationId: integration.id,
    webhookToken: webhook.token,
  };
}

/** The seeded data as the API shows it, text for text. */
export async function snapshot(stack: LocalStack, data: SeededData): Promise<Record<string, string>> {
  const paths = [
    `/api/execution-plans/${data.planId}`,
    `/automation/traces/${data.traceId}`,
    '/api/provider-credentials',
    `/api/custom-integrations/${data.integrationId}`,
  ];
  const texts = await Promise.all(paths.map((p) => callApi(stack.apiUrl, data.key, p).then((r) => r.text)));
  return Object.fromEntries(paths.map((p, i) => [p, texts[i] as string]));
}
