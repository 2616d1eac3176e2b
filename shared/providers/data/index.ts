import * as z from 'zod';
import { defineAction } from '../provider-kit';
import type { ProviderDefinition } from '../types';
import { CONDITION_OPS, UNARY_OPS, evaluate } from './compare';
import { lookupPath } from './path';

const TransformParams = z.strictObject({
  /** Any JSON; the engine has already replaced its placeholders. */
  value: z.unknown(),
});

const Path = z.string().min(1).max(256);

const PickParams = z.strictObject({
  from: z.unknown(),
  /** A list of paths (the output keeps the paths as keys) or `{ name: path }` to rename. */
  paths: z.union([z.array(Path).min(1).max(100), z.record(z.string().min(1).max(128), Path)]),
});

const ConditionParams = z
  .strictObject({
    left: z.unknown(),
    op: z.enum(CONDITION_OPS),
    right: z.unknown().optional(),
    /** `skip`: the steps after this one are skipped and the run succeeds. `stop`: the run fails. */
    on_false: z.enum(['skip', 'stop']).default('skip'),
  })
  .refine((p) => UNARY_OPS.has(p.op) || p.right !== undefined, {
    message: 'right is required for this operator',
    path: ['right'],
  });

/** Data shaping and gating, no I/O. */
export const data: ProviderDefinition = {
  name: 'data',
  title: 'Data',
  category: 'utility',
  description: 'Transform, pick from and test the outputs of earlier steps, with no outbound call.',
  verification: 'local',
  credentialType: 'none',
  actions: {
    transform: defineAction({
      description: 'Return `value` after templating: build an object or string from earlier steps.',
      params: TransformParams,
      idempotent: true,
      async execute(params) {
        return { success: true, output: params.value ?? null, message: 'Transformed' };
      },
    }),
    pick: defineAction({
      description: 'Pick values out of `from` by path (`a.b.0.c`); missing paths give null.',
      params: PickParams,
      idempotent: true,
      async execute(params) {
        const entries: [string, string][] = Array.isArray(params.paths)
          ? params.paths.map((path) => [path, path])
          : Object.entries(params.paths);
        const output: Record<string, unknown> = {};
        const missing: string[] = [];
        for (const [name, path] of entries) {
          const hit = lookupPath(params.from, path);
          if (!hit.found) missing.push(path);
          // defineProperty: a key named `__proto__` stays a plain key.
          Object.defineProperty(output, name, {
            value: hit.found ? (hit.value ?? null) : null,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        const message = missing.length ? `Picked; not found: ${missing.join(', ')}` : 'Picked';
        return { success: true, output, message };
      },
    }),
    condition: defineAction({
      description:
        'Compare `left` with `right` (eq, ne, gt, gte, lt, lte, contains, not_contains, starts_with, ends_with, in, not_in, exists, not_exists, empty, not_empty). When false, skip the remaining steps or stop the run.',
      params: ConditionParams,
      idempotent: true,
      async execute(params) {
        const result = evaluate(params.left, params.op, params.right);
        const output = { result, op: params.op };
        if (result) return { success: true, output, message: 'Condition met' };
        return params.on_false === 'stop'
          ? { success: true, output, message: 'Condition not met: run stopped', control: 'stop' }
          : {
              success: true,
              output,
              message: 'Condition not met: remaining steps skipped',
              control: 'skip_remaining',
            };
      },
    }),
  },
};
