import { assertJsonLimits, MAX_JSON_DEPTH } from '../../../../shared/http/json-limits';
import { PlanBodySchema } from '../../../../shared/plans/plan-schema';

describe('PlanBodySchema at the edge depth limit', () => {
  it('validates a body nested exactly MAX_JSON_DEPTH deep (params of any shape)', () => {
    // body {} > steps [] > step {} > params {}: 4 levels, then arrays down to the limit.
    let value: unknown = 'leaf';
    for (let depth = 5; depth <= MAX_JSON_DEPTH; depth++) value = [value];
    const body = {
      name: 'deep',
      steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value } }],
    };
    expect(() => assertJsonLimits(body)).not.toThrow();
    const parsed = PlanBodySchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.steps[0]?.params).toEqual({ value });
  });
});
