/** A deployed stage's routing arrives in the environment; without it the bundled files apply. */
function modelConfigWith(vars: Record<string, string | undefined>) {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  let config: ReturnType<typeof import('../../../../shared/gateway/model-config').modelConfig> | undefined;
  try {
    jest.isolateModules(() => {
      type ModelConfigModule = typeof import('../../../../shared/gateway/model-config');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require('../../../../shared/gateway/model-config') as ModelConfigModule;
      config = loaded.modelConfig();
    });
  } finally {
    process.env = saved;
  }
  return config!;
}

describe('modelConfig', () => {
  it('uses the stage routing from the environment when the stack gives one', () => {
    const config = modelConfigWith({
      MODEL_MAPPINGS_JSON: JSON.stringify({ default: 'direct/small', 'gpt-4o': 'direct/small' }),
      MODEL_TARGETS_JSON: JSON.stringify({ 'direct/small': { backend: 'direct', model: 'gpt-4o-mini' } }),
    });
    expect(config.mappings).toEqual({ default: 'direct/small', 'gpt-4o': 'direct/small' });
    expect([...config.targets.keys()]).toEqual(['direct/small']);
  });

  it('falls back to the bundled files', () => {
    const config = modelConfigWith({ MODEL_MAPPINGS_JSON: undefined, MODEL_TARGETS_JSON: undefined });
    expect(config.mappings.default).toBe('morpheus/llama-3.3-70b');
  });

  it('fails loudly on a stage routing that does not hold together', () => {
    expect(() =>
      modelConfigWith({
        MODEL_MAPPINGS_JSON: JSON.stringify({ default: 'direct/missing' }),
        MODEL_TARGETS_JSON: JSON.stringify({}),
      }),
    ).toThrow(/"default" maps to unknown target "direct\/missing"/);
  });
});
