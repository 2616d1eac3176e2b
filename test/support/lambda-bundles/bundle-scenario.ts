import { signBody, SIGNATURE_HEADER } from '../../../shared/webhooks/webhook-secrets';
import type { AwsCall } from './fake-aws';
import type { SampleEvent } from './sample-events';

/** What the functions invoked so far answered, for the events of those that build on them. */
export interface Earlier {
  /** A function's parsed JSON response body (it must have answered 2xx). */
  body(functionName: string): Record<string, unknown>;
  /** The AWS requests a function sent to the fake. */
  calls(functionName: string): AwsCall[];
}

export interface Step {
  /** Functions whose answers this one's event is built from, or that must run first. */
  after: string[];
  /** The sample event, made to refer to what the earlier functions created. */
  event?: (event: SampleEvent, earlier: Earlier) => SampleEvent;
}

function withPathParameter(event: SampleEvent, name: string, value: unknown): SampleEvent {
  if (typeof value !== 'string' || !value) throw new Error(`no ${name} to put in the path`);
  const old = event.pathParameters?.[name];
  if (!old) throw new Error(`the sample event has no path parameter ${name}`);
  const swap = <T>(s: T) => (typeof s === 'string' ? s.replace(old, value) : s);
  return {
    ...event,
    pathParameters: { ...event.pathParameters, [name]: value },
    path: swap(event.path),
    requestContext: { ...event.requestContext, path: swap(event.requestContext?.path) },
  };
}

function withHeader(event: SampleEvent, name: string, value: string): SampleEvent {
  return {
    ...event,
    headers: { ...event.headers, [name]: value },
    multiValueHeaders: { ...event.multiValueHeaders, [name]: [value] },
  };
}

const planOf = (earlier: Earlier) => earlier.body('CreateExecutionPlan').id;
const onPlan = (event: SampleEvent, earlier: Earlier) => withPathParameter(event, 'plan_id', planOf(earlier));

/**
 * Which functions' sample events get the ids of what earlier functions created, so that
 * they do real work (a schedule created and deleted, a webhook triggered, the run it
 * handed on executed) instead of answering 404 for a sample id. Functions not listed
 * run first, with their sample events as they are.
 */
export const SCENARIO: Record<string, Step> = {
  // The key's session, opened on the stub upstream, is the one the chat request then uses.
  GetModelSession: { after: ['CreateModelSession'] },
  CreateChatCompletion: { after: ['GetModelSession'] },
  // The other forwarded endpoints use the same session (the sample events ask for gpt-4o).
  CreateCompletion: { after: ['GetModelSession'] },
  CreateEmbedding: { after: ['GetModelSession'] },
  CreateResponse: { after: ['GetModelSession'] },
  CloseModelSession: {
    after: ['CreateChatCompletion', 'CreateCompletion', 'CreateEmbedding', 'CreateResponse'],
  },
  GetExecutionPlan: { after: ['CreateExecutionPlan'], event: onPlan },
  UpdateExecutionPlan: { after: ['CreateExecutionPlan'], event: onPlan },
  ScheduleExecutionPlan: { after: ['CreateExecutionPlan'], event: onPlan },
  ListSchedulerJobs: { after: ['ScheduleExecutionPlan'] },
  UnscheduleExecutionPlan: { after: ['ListSchedulerJobs'], event: onPlan },
  CreatePlanWebhook: { after: ['CreateExecutionPlan'], event: onPlan },
  TriggerWebhook: {
    after: ['CreatePlanWebhook'],
    event: (event, earlier) => {
      const { token, secret } = earlier.body('CreatePlanWebhook');
      const signed = withPathParameter(event, 'token', token);
      return typeof secret === 'string'
        ? withHeader(signed, SIGNATURE_HEADER, signBody(secret, event.body ?? ''))
        : signed;
    },
  },
  // The run the webhook handed to the execution function through Lambda's asynchronous invoke.
  ExecuteRun: {
    after: ['TriggerWebhook'],
    event: (_event, earlier) => {
      const invoke = earlier.calls('TriggerWebhook').find((c) => c.service === 'lambda' && c.payload);
      if (!invoke) throw new Error('TriggerWebhook invoked no function');
      return invoke.payload as SampleEvent;
    },
  },
  DeletePlanWebhook: { after: ['TriggerWebhook'], event: onPlan },
  DeleteExecutionPlan: {
    after: [
      'GetExecutionPlan',
      'UpdateExecutionPlan',
      'UnscheduleExecutionPlan',
      'DeletePlanWebhook',
      'ExecuteRun',
    ],
    event: onPlan,
  },
  RotateProviderCredential: {
    after: ['CreateProviderCredential'],
    event: (event, earlier) => withPathParameter(event, 'id', earlier.body('CreateProviderCredential').id),
  },
  DeleteProviderCredential: {
    after: ['RotateProviderCredential', 'ListProviderCredentials'],
    event: (event, earlier) => withPathParameter(event, 'id', earlier.body('CreateProviderCredential').id),
  },
  GetCustomIntegration: {
    after: ['CreateCustomIntegration'],
    event: (event, earlier) =>
      withPathParameter(event, 'integration_id', earlier.body('CreateCustomIntegration').id),
  },
  UpdateCustomIntegration: {
    after: ['CreateCustomIntegration'],
    event: (event, earlier) =>
      withPathParameter(event, 'integration_id', earlier.body('CreateCustomIntegration').id),
  },
  DeleteCustomIntegration: {
    after: ['GetCustomIntegration', 'UpdateCustomIntegration', 'ListCustomIntegrations'],
    event: (event, earlier) =>
      withPathParameter(event, 'integration_id', earlier.body('CreateCustomIntegration').id),
  },
  RevokeApiKey: {
    after: ['CreateApiKey', 'ListApiKeys'],
    event: (event, earlier) => withPathParameter(event, 'key_id', earlier.body('CreateApiKey').id),
  },
  GetExecutionLog: {
    after: ['ExecutePlan'],
    event: (event, earlier) => withPathParameter(event, 'id', earlier.body('ExecutePlan').id),
  },
};

/**
 * The AWS requests (other than DynamoDB) each function sends in this scenario, through
 * its bundled SDK to the local fake: what the scenario exercises of Secrets Manager, KMS,
 * Lambda and the Scheduler. Every other function sends none.
 */
export const AWS_OPERATIONS: Record<string, string[]> = {
  // The upstream API key, read from Secrets Manager by the functions that call the upstream.
  CreateModelSession: ['secretsmanager.GetSecretValue'],
  CreateChatCompletion: ['secretsmanager.GetSecretValue'],
  CreateCompletion: ['secretsmanager.GetSecretValue'],
  CreateEmbedding: ['secretsmanager.GetSecretValue'],
  CreateResponse: ['secretsmanager.GetSecretValue'],
  CreateAutomationTrace: ['secretsmanager.GetSecretValue'],
  CreateProviderCredential: ['kms.Encrypt'],
  RotateProviderCredential: ['kms.Encrypt'],
  CreatePlanWebhook: ['kms.Encrypt'],
  TriggerWebhook: ['kms.Decrypt', 'lambda.Invoke(Event)'],
  // GetSchedule first: the adapter reads a schedule before it writes one.
  ScheduleExecutionPlan: ['scheduler.CreateSchedule', 'scheduler.GetSchedule'],
  ListSchedulerJobs: ['scheduler.GetSchedule', 'scheduler.ListSchedules'],
  UnscheduleExecutionPlan: ['scheduler.DeleteSchedule', 'scheduler.GetSchedule'],
};

/**
 * The functions in waves: each wave holds those whose `after` functions all ran in
 * earlier waves. Steps naming functions that are not in `names` wait for nothing.
 */
export function waves(names: readonly string[], scenario: Record<string, Step> = SCENARIO): string[][] {
  const done = new Set<string>();
  let pending = [...names];
  const result: string[][] = [];
  while (pending.length > 0) {
    const ready = pending.filter((n) =>
      (scenario[n]?.after ?? []).every((d) => done.has(d) || !names.includes(d)),
    );
    if (ready.length === 0)
      throw new Error(`The scenario's dependencies go in a circle: ${pending.join(', ')}`);
    result.push(ready);
    for (const n of ready) done.add(n);
    pending = pending.filter((n) => !done.has(n));
  }
  return result;
}
