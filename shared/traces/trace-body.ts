import * as z from 'zod';
import { pathIdSchema } from '../http/path-id';
import { PlanBodySchema, StepsSchema } from '../plans/plan-schema';
import { timeOfSortableId } from '../runs/sortable-id';
import { traceNotFound } from './trace-repository';

/** A request the LLM drafts from; long enough for a detailed description, short enough for any model. */
export const MAX_MESSAGE_CHARS = 8000;

/** The model a draft is asked of when the caller names none: the router's mandatory `default`. */
export const DEFAULT_DRAFT_MODEL = 'default';

/**
 * `POST /automation/traces`: either `{message, model?, name?, description?}` for the LLM to
 * draft, or `{name, steps, description?}` as for a plan; `dry_run` with either.
 */
export const CreateTraceBody = z
  .strictObject({
    message: z.string().trim().min(1).max(MAX_MESSAGE_CHARS).optional(),
    model: z.string().trim().min(1).max(256).optional(),
    name: PlanBodySchema.shape.name.optional(),
    description: PlanBodySchema.shape.description,
    steps: StepsSchema.optional(),
    dry_run: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    if ((body.message === undefined) === (body.steps === undefined))
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'give either message or steps' });
    if (body.steps !== undefined && body.name === undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required with steps' });
    if (body.steps !== undefined && body.model !== undefined)
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'only applies to a message' });
  });

export type CreateTraceInput = z.infer<typeof CreateTraceBody>;

/** `{trace_id}` in a path: anything but a minted trace id is the same 404 as an unknown one. */
export const TracePath = pathIdSchema('trace_id', {
  wellFormed: (id) => timeOfSortableId('trace', id) !== undefined,
  notFound: traceNotFound,
});
