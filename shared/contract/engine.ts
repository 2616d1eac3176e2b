/** Credentials, execution plans, webhooks, run now and execution logs (infra/routes/engine.ts). */
import * as z from 'zod';
import { CreateCredentialBody, RotateCredentialBody } from '../credentials/credential-schemas';
import { CredentialPath } from '../credentials/credential-service';
import { PageQuery } from '../plans/pagination';
import { PlanBodySchema } from '../plans/plan-schema';
import { PlanPath } from '../plans/plan-service';
import { ExecutePlanBody, ExecutionLogPath, ExecutionLogQuery } from '../runs/run-request-schemas';
import { WebhookTokenPath } from '../webhooks/webhook-repository';
import { CreateWebhookBody, WebhookQuery } from '../webhooks/webhook-schemas';
import {
  AutomationScheduleView,
  NextCursor,
  RunLog,
  RunStatus,
  RunSummary,
  StoredStep,
  Timestamp,
} from './common';
import type { DomainContract } from './types';

/** shared/credentials/credential-service.ts credentialView: never the value, only its last 4. */
export const Credential = z.strictObject({
  id: z.string(),
  provider: z.string(),
  credential_type: z.enum(['api_key', 'token', 'oauth', 'custom', 'none']),
  name: z.string().nullable(),
  last4: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** shared/plans/plan-service.ts planView; `schedule` once the plan has one. */
export const Plan = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  steps: z.array(StoredStep),
  has_webhook: z.boolean(),
  schedule: AutomationScheduleView.optional(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

const PendingRun = z.enum(['pending', 'running']);

export const engineContract: DomainContract = {
  CreateProviderCredential: {
    summary: 'Store a provider credential (encrypted under KMS)',
    request: { body: CreateCredentialBody },
    responses: { 201: { description: 'Stored; only the last 4 characters are shown', schema: Credential } },
    errors: [409],
  },
  ListProviderCredentials: {
    summary: "The caller's credentials",
    responses: {
      200: {
        description: 'Credentials, without values',
        schema: z.strictObject({ total: z.int(), credentials: z.array(Credential) }),
      },
    },
  },
  RotateProviderCredential: {
    summary: 'Replace a credential value under the same id',
    request: { path: CredentialPath, body: RotateCredentialBody },
    responses: { 200: { description: 'Rotated', schema: Credential } },
    errors: [404],
  },
  DeleteProviderCredential: {
    summary: 'Delete a credential',
    request: { path: CredentialPath },
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
  CreateExecutionPlan: {
    summary: 'Create an execution plan',
    request: { body: PlanBodySchema },
    responses: { 201: { description: 'The new plan', schema: Plan } },
  },
  ListExecutionPlans: {
    summary: "The caller's plans, newest first",
    request: { query: PageQuery },
    responses: {
      200: {
        description: 'A page of plans',
        schema: z.strictObject({ plans: z.array(Plan), next_cursor: NextCursor }),
      },
    },
  },
  GetExecutionPlan: {
    summary: 'One plan',
    request: { path: PlanPath },
    responses: { 200: { description: 'The plan', schema: Plan } },
    errors: [404],
  },
  UpdateExecutionPlan: {
    summary: 'Replace a plan',
    request: { path: PlanPath, body: PlanBodySchema },
    responses: { 200: { description: 'The updated plan', schema: Plan } },
    errors: [404],
  },
  DeleteExecutionPlan: {
    summary: 'Delete a plan with its webhook and schedule',
    request: { path: PlanPath },
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
  CreatePlanWebhook: {
    summary: 'Give a plan a webhook (replaces the previous one)',
    request: { path: PlanPath, body: CreateWebhookBody },
    responses: {
      201: {
        description: 'The token and signing secret, shown only here',
        schema: z.strictObject({
          token: z.string(),
          url: z.string().describe('`/api/webhook/<token>`'),
          secret: z.string().nullable().describe('`whsec_…`; null when no signature is required'),
        }),
      },
    },
    errors: [404],
  },
  DeletePlanWebhook: {
    summary: "Remove a plan's webhook",
    request: { path: PlanPath },
    responses: { 204: { description: 'Removed' } },
    errors: [404],
  },
  ExecutePlan: {
    summary: 'Run a saved plan or inline steps now',
    description:
      'The run executes in the request for up to RUN_SYNC_BUDGET_MS: 200 with its log when it finished, else 202 while the execution function finishes it.',
    request: { body: ExecutePlanBody },
    responses: {
      200: {
        description: 'The finished run',
        schema: RunLog.extend({ run_id: z.string(), log_id: z.string() }),
      },
      202: {
        description: 'Still running; poll GET /api/execution-logs/{id}',
        schema: z.strictObject({ run_id: z.string(), log_id: z.string(), status: PendingRun }),
      },
    },
    errors: [404],
  },
  TriggerWebhook: {
    summary: 'Run a plan from its webhook',
    description:
      'Public: the token in the path is the credential; a signed webhook also needs `X-Flowgate-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. 202 with the run id, or with `?wait=true` the run within the request budget.',
    request: { path: WebhookTokenPath, query: WebhookQuery },
    rawBody: 'Any payload; JSON is handed to the run parsed, anything else as text',
    responses: {
      200: { description: 'The finished run (`?wait=true`)', schema: RunLog.extend({ run_id: z.string() }) },
      202: {
        description: 'Queued, or still running',
        schema: z.strictObject({ run_id: z.string(), status: RunStatus }),
      },
    },
    errors: [401, 404],
  },
  ListExecutionLogs: {
    summary: "The caller's runs, newest first",
    request: { query: ExecutionLogQuery },
    responses: {
      200: {
        description: 'A page of run summaries',
        schema: z.strictObject({ logs: z.array(RunSummary), next_cursor: NextCursor }),
      },
    },
  },
  GetExecutionLog: {
    summary: 'One run with every step',
    request: { path: ExecutionLogPath },
    responses: { 200: { description: 'The run', schema: RunLog } },
    errors: [404],
  },
};
