/** The audit trail (infra/routes/audit.ts). */
import * as z from 'zod';
import { PageQuery } from '../plans/pagination';
import { NextCursor, Timestamp } from './common';
import type { DomainContract } from './types';

/** shared/audit/audit-log.ts auditView: ids, names and statuses, never secrets. */
export const AuditEntry = z.strictObject({
  id: z.string(),
  at: Timestamp,
  action: z.enum([
    'automation.deploy',
    'automation.status_change',
    'automation.delete',
    'plan.schedule',
    'plan.unschedule',
    'plan.delete',
    'credential.create',
    'credential.rotate',
    'credential.delete',
    'run.abandoned',
  ]),
  actor: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('user'), user_id: z.string(), key_id: z.string().nullable() }),
    z.strictObject({ type: z.literal('system'), name: z.string() }),
  ]),
  target: z.strictObject({ type: z.enum(['trace', 'plan', 'credential', 'run']), id: z.string() }),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const auditContract: DomainContract = {
  ListAuditEntries: {
    summary: "The caller's audit trail, newest first",
    request: { query: PageQuery },
    responses: {
      200: {
        description: 'A page of entries',
        schema: z.strictObject({ entries: z.array(AuditEntry), next_cursor: NextCursor }),
      },
    },
  },
};
