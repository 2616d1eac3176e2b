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
