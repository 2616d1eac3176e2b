import * as z from 'zod';
import { env } from '../config/env';

/** Step ids are template path segments (`{{steps.<id>.output}}`), so they use the same characters. */
export const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const RetrySchema = z.strictObject({
  max_attempts: z.int().min(1).max(10),
  backoff_ms: z.int().min(0).max(60_000),
});

export const StepSchema = z.strictObject({
  id: z.string().regex(STEP_ID, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -'),
  provider: z.string().min(1).max(128),
  action: z.string().min(1).max(128),
  params: z.record(z.string(), z.unknown()).default({}),
  retry: RetrySchema.optional(),
  timeout_ms: z.int().min(100).max(env.STEP_MAX_TIMEOUT_MS).optional(),
  continue_on_error: z.boolean().optional(),
});

export type PlanStep = z.infer<typeof StepSchema>;

export const StepsSchema = z
  .array(StepSchema)
  .min(1)
  .max(env.PLAN_MAX_STEPS, `a plan has at most ${env.PLAN_MAX_STEPS} steps`)
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate step id "${step.id}"` });
      }
      seen.add(step.id);
    });
    const bytes = Buffer.byteLength(JSON.stringify(steps));
    if (bytes > env.PLAN_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', path: [], message: `steps exceed ${env.PLAN_MAX_BYTES} bytes of JSON` });
    }
  });

export const PlanBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  steps: StepsSchema,
});

export type PlanBody = z.infer<typeof PlanBodySchema>;
