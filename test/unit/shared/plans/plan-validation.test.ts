import { getProvider } from '../../../../shared/providers/registry';
import { StepsSchema } from '../../../../shared/plans/plan-schema';
import { validatePlanSteps } from '../../../../shared/plans/plan-validation';
import { planView } from '../../../../shared/plans/plan-service';
import { runSummaryView, runView } from '../../../../shared/runs/run-views';

const catalog = { find: async (name: string) => getProvider(name) };
const step = (id: string, provider: string, action: string, params: Record<string, unknown>) => ({
  id,
  provider,
  action,
  params,
});

async function issuesOf(steps: ReturnType<typeof step>[]) {
  try {
    await validatePlanSteps(steps, 'u1', catalog);
    return undefined;
  } catch (err) {
    return err as {
      statusCode: number;
      message: string;
      details: { issues: { path: string; code: string }[] };
    };
  }
}

describe('validatePlanSteps', () => {
  it('accepts a valid plan, deferring checks on placeholder values to run time', async () => {
    await expect(
      validatePlanSteps(
        [
          step('a', 'data', 'transform', { value: 1 }),
          step('b', 'http', 'request', { url: '{{steps.a.output.url}}', method: 'POST' }),
        ],
        'u1',
        catalog,
      ),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['an unknown provider', [step('a', 'nope', 'x', {})], 'body.steps.0.provider', 'unknown_provider'],
    ['an unknown action', [step('a', 'http', 'fly', {})], 'body.steps.0.action', 'unknown_action'],
    ['a bad param', [step('a', 'http', 'request', { url: 'ftp://x' })], 'body.steps.0.params.url', undefined],
    [
      'an unknown param',
      [step('a', 'http', 'request', { url: 'https://x.test', nope: 1 })],
      'body.steps.0.params',
      'unrecognized_keys',
    ],
    ['a missing param', [step('a', 'http', 'request', {})], 'body.steps.0.params.url', undefined],
    [
      'a reference to a later step',
      [
        step('a', 'data', 'transform', { value: '{{steps.b.output}}' }),
        step('b', 'data', 'transform', { value: 1 }),
      ],
      'body.steps.0.params',
      'bad_reference',
    ],
    [
      'a reference to itself',
      [step('a', 'data', 'transform', { value: '{{steps.a.output}}' })],
      'body.steps.0.params',
      'bad_reference',
    ],
  ])('rejects %s with a 400 naming the step', async (_name, steps, path, code) => {
    const err = await issuesOf(steps);
    expect(err?.statusCode).toBe(400);
    expect(err?.message).toMatch(/^Invalid plan: step "a" \(steps\.0\)/);
    expect(err?.details.issues[0]?.path).toBe(path);
    if (code) expect(err?.details.issues[0]?.code).toBe(code);
  });

  it('rejects duplicate ids, too many steps and bad ids in the schema', () => {
    const t = (id: string) => step(id, 'data', 'transform', { value: 1 });
    expect(StepsSchema.safeParse([t('a'), t('a')]).success).toBe(false);
    expect(StepsSchema.safeParse(Array.from({ length: 26 }, (_, i) => t(`s${i}`))).success).toBe(false);
    expect(StepsSchema.safeParse([t('a.b')]).success).toBe(false);
    expect(StepsSchema.safeParse([{ ...t('a'), retry: { max_attempts: 0, backoff_ms: 1 } }]).success).toBe(
      false,
    );
    expect(StepsSchema.safeParse([t('a')]).success).toBe(true);
  });
});

describe('views', () => {
  it('render plans and runs in the public snake_case shape', () => {
    const plan = {
      planId: 'p',
      userId: 'u',
      name: 'n',
      steps: [],
      createdAt: 'c',
      updatedAt: 'u2',
      webhookTokenHash: 'h',
    };
    expect(planView(plan)).toEqual({
      id: 'p',
      name: 'n',
      description: null,
      steps: [],
      has_webhook: true,
      created_at: 'c',
      updated_at: 'u2',
    });
    const run = {
      runId: 'r',
      userId: 'u',
      status: 'running' as const,
      trigger: { type: 'schedule' as const, scheduledTime: '2026-11-23T09:00:00Z', query: { a: 'b' } },
      steps: [],
      results: [
        {
          id: 's',
          provider: 'p',
          action: 'a',
          status: 'running' as const,
          attempts: 1,
          nextAttemptAt: 0,
          control: 'stop' as const,
        },
      ],
      createdAt: '2026-11-23T09:00:00.000Z',
      startedAt: '2026-11-23T09:00:00.000Z',
      deadlineAt: 0,
      invocations: 1,
    };
    expect(runView(run)).toMatchObject({
      id: 'r',
      plan_id: null,
      trigger: 'schedule',
      scheduled_time: '2026-11-23T09:00:00Z',
      duration_ms: null,
      trigger_data: { query: { a: 'b' } },
      steps: [{ id: 's', status: 'running', output: null, output_truncated: false, control: 'stop' }],
    });
    expect(runSummaryView({ ...run, completedAt: '2026-11-23T09:00:01.500Z' })).toMatchObject({
      duration_ms: 1500,
      steps: [{ id: 's', status: 'running', attempts: 1, duration_ms: null }],
    });
  });
});
