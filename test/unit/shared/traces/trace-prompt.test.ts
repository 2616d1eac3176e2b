import { env } from '../../../../shared/config/env';
import { createCustomProvider } from '../../../../shared/providers/custom';
import { describeProvider } from '../../../../shared/providers/listing';
import { listProviders } from '../../../../shared/providers/registry';
import {
  draftOutputJsonSchema,
  draftSystemPrompt,
  DraftSchema,
  MAX_REPAIR_REASONS,
  repairPrompt,
} from '../../../../shared/traces/trace-prompt';

/** The JSON line that follows a heading in the prompt. */
function jsonAfter(prompt: string, heading: string): unknown {
  const lines = prompt.split('\n');
  const index = lines.indexOf(heading);
  expect(index).toBeGreaterThanOrEqual(0);
  return JSON.parse(lines[index + 1] ?? '');
}

const custom = createCustomProvider({
  id: 'weather01',
  name: 'Weather',
  baseUrl: 'https://api.weather.example',
  auth: { type: 'none' },
  defaultHeaders: {},
});

describe('draftSystemPrompt', () => {
  it('carries the whole catalogue: every provider and action with its params JSON Schema, as GET /api/providers shows it', () => {
    const providers = [...listProviders(), custom];
    const prompt = draftSystemPrompt(providers);
    const catalogue = jsonAfter(prompt, 'Provider catalogue (JSON):') as Array<{ name: string }>;
    expect(catalogue).toEqual(providers.map(describeProvider));
    expect(catalogue.map((p) => p.name)).toEqual(expect.arrayContaining(['slack', 'data', custom.name]));
    const slack = catalogue.find((p) => p.name === 'slack') as ReturnType<typeof describeProvider>;
    for (const action of slack.actions) expect(action.params).toMatchObject({ type: 'object' });
  });

  it('asks for one JSON object matching the plan body schema, and states the plan limits', () => {
    const prompt = draftSystemPrompt(listProviders());
    expect(
      jsonAfter(
        prompt,
        'Answer with exactly one JSON object and nothing else (no prose, no Markdown), matching this JSON Schema:',
      ),
    ).toEqual(draftOutputJsonSchema());
    expect(prompt).toContain(`At most ${env.PLAN_MAX_STEPS} steps`);
    expect(prompt).toContain('{{steps.<id>.output.<path>}}');
  });

  it('only lists what it is given (a user without custom integrations sees none)', () => {
    const prompt = draftSystemPrompt(listProviders());
    expect(prompt).not.toContain(custom.name);
  });
});

describe('draftOutputJsonSchema', () => {
  it('requires name and steps; a step requires id, provider and action', () => {
    const schema = draftOutputJsonSchema() as {
      required: string[];
      properties: { steps: { items: { required: string[]; properties: Record<string, unknown> } } };
    };
    expect(schema.required.sort()).toEqual(['name', 'steps']);
    expect(schema.properties.steps.items.required.sort()).toEqual(['action', 'id', 'provider']);
    expect(Object.keys(schema.properties.steps.items.properties)).toEqual(
      expect.arrayContaining(['params', 'retry', 'timeout_ms', 'continue_on_error']),
    );
  });
});

describe('DraftSchema', () => {
  it('drops extra top-level keys but keeps steps strict', () => {
    const step = { id: 'a', provider: 'data', action: 'transform', params: {} };
    expect(DraftSchema.parse({ name: 'n', steps: [step], explanation: 'x' })).toEqual({
      name: 'n',
      steps: [step],
    });
    expect(DraftSchema.safeParse({ name: 'n', steps: [{ ...step, extra: 1 }] }).success).toBe(false);
  });
});

describe('repairPrompt', () => {
  it('quotes every reason, one per line', () => {
    const prompt = repairPrompt(['steps.0.provider: unknown provider "x"', 'name: Required']);
    expect(prompt.split('\n')).toEqual([
      'Your answer is not a valid plan:',
      '- steps.0.provider: unknown provider "x"',
      '- name: Required',
      'Answer again with the whole corrected JSON object only, following the same schema and rules.',
    ]);
  });

  it(`quotes at most ${MAX_REPAIR_REASONS} reasons and says how many more there were`, () => {
    const reasons = Array.from({ length: MAX_REPAIR_REASONS + 5 }, (_, i) => `reason ${i}`);
    const lines = repairPrompt(reasons).split('\n');
    expect(lines.filter((l) => l.startsWith('- reason '))).toHaveLength(MAX_REPAIR_REASONS);
    expect(lines).toContain('- …and 5 more problems');
  });
});
