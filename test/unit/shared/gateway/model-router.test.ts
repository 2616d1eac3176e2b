import { NotFoundError } from '../../../../shared/errors';
import { parseModelConfig } from '../../../../shared/gateway/model-config';
import { editDistance, ModelRouter } from '../../../../shared/gateway/model-router';

const LLAMA_ID = `0x${'1a'.repeat(32)}`;
const config = parseModelConfig(
  {
    default: 'morpheus/llama',
    'gpt-4': 'morpheus/llama',
    'gpt-4o': 'direct/gpt-4o',
    'claude-3-opus': 'direct/claude',
  },
  {
    'morpheus/llama': { backend: 'morpheus', model: 'llama-3.3-70b', blockchainId: LLAMA_ID },
    'direct/gpt-4o': { backend: 'direct', model: 'gpt-4o', ownedBy: 'openai' },
    'direct/claude': { backend: 'direct', model: 'claude-3-opus-20240229' },
  },
);

describe('ModelRouter', () => {
  const router = new ModelRouter(config, { strict: false });
  const strict = new ModelRouter(config, { strict: true });

  it.each([
    ['gpt-4o', 'direct/gpt-4o', false],
    ['gpt-4', 'morpheus/llama', false],
    ['claude-3-opus', 'direct/claude', false],
    ['default', 'morpheus/llama', false],
    ['direct/gpt-4o', 'direct/gpt-4o', false],
    [LLAMA_ID, 'morpheus/llama', false],
    [LLAMA_ID.toUpperCase().replace('0X', '0x'), 'morpheus/llama', false],
    ['  gpt-4o  ', 'direct/gpt-4o', false],
    ['mistral-large', 'morpheus/llama', true],
  ])('routes %s to %s (via default: %s)', (requested, targetId, viaDefault) => {
    const routed = router.route(requested);
    expect(routed.target.id).toBe(targetId);
    expect(routed.viaDefault).toBe(viaDefault);
    expect(routed.requested).toBe(requested);
  });

  it('in strict mode refuses unknown names with a 404 model_not_found and the closest names', () => {
    expect(strict.route('gpt-4o').target.id).toBe('direct/gpt-4o');
    let error: unknown;
    try {
      strict.route('gpt-4-o');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'model_not_found',
      param: 'model',
      details: { suggestions: ['gpt-4o', 'gpt-4'] },
    });
    expect((error as Error).message).toMatch(
      /^The model 'gpt-4-o' does not exist.*Did you mean: gpt-4o, gpt-4\?$/,
    );
  });

  it('in strict mode offers no suggestions when nothing is close', () => {
    expect(() => strict.route('zzzzzzzzzzzzzzzzzzzzzzzzzzz')).toThrow(
      /does not exist or you do not have access to it\.$/,
    );
  });

  it('lists the mapped names, not `default`, with their targets', () => {
    expect(router.list().map((m) => [m.name, m.target.id])).toEqual([
      ['gpt-4', 'morpheus/llama'],
      ['gpt-4o', 'direct/gpt-4o'],
      ['claude-3-opus', 'direct/claude'],
    ]);
  });

  it('computes edit distances', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('gpt-4o', 'gpt-4o')).toBe(0);
  });
});

describe('ModelRouter fallback chains', () => {
  const targets = {
    'direct/gpt-4o': { backend: 'direct', model: 'gpt-4o' },
    'morpheus/llama': { backend: 'morpheus', model: 'llama', blockchainId: LLAMA_ID },
    'direct/mini': { backend: 'direct', model: 'gpt-4o-mini' },
  };
  const chained = parseModelConfig(
    {
      default: ['direct/mini', 'morpheus/llama'],
      'gpt-4o': ['direct/gpt-4o', 'morpheus/llama', 'direct/mini'],
      'gpt-4': 'morpheus/llama',
    },
    targets,
  );
  const router = new ModelRouter(chained, { strict: false });
  const ids = (requested: string) => {
    const routed = router.route(requested);
    return [routed.target.id, ...routed.fallbacks.map((t) => t.id)];
  };

  it('keeps the seed’s single-target form, and routes a list to its first target with the rest as fallbacks', () => {
    expect(chained.mappings).toEqual({
      default: 'direct/mini',
      'gpt-4o': 'direct/gpt-4o',
      'gpt-4': 'morpheus/llama',
    });
    expect(ids('gpt-4o')).toEqual(['direct/gpt-4o', 'morpheus/llama', 'direct/mini']);
    expect(ids('gpt-4')).toEqual(['morpheus/llama']);
    expect(ids('default')).toEqual(['direct/mini', 'morpheus/llama']);
    expect(ids('a-name-nobody-mapped')).toEqual(['direct/mini', 'morpheus/llama']);
  });

  it('a target named by its own id has no fallbacks', () => {
    expect(ids('direct/gpt-4o')).toEqual(['direct/gpt-4o']);
    expect(ids(LLAMA_ID)).toEqual(['morpheus/llama']);
  });

  it('refuses a chain with an unknown target, a repeated target, an empty list or more than five', () => {
    const problem = (mapping: unknown) => () =>
      parseModelConfig({ default: 'direct/mini', x: mapping }, targets);
    expect(problem(['direct/gpt-4o', 'direct/nope'])).toThrow(/"x" maps to unknown target "direct\/nope"/);
    expect(problem(['direct/gpt-4o', 'direct/gpt-4o'])).toThrow(/"x" names a target twice/);
    expect(problem([])).toThrow(/model_mappings\.json: x/);
    expect(problem(Array(6).fill('direct/mini'))).toThrow(/model_mappings\.json: x/);
  });
});
