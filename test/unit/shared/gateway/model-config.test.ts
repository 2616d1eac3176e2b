import mappingsJson from '../../../../config/model_mappings.json';
import targetsJson from '../../../../config/model_targets.json';
import { modelConfig, parseModelConfig } from '../../../../shared/gateway/model-config';

const HEX = `0x${'ab'.repeat(32)}`;

describe('model configuration', () => {
  it('the shipped files are valid and keep the seed mappings', () => {
    const config = modelConfig();
    for (const name of ['default', 'gpt-3.5-turbo', 'gpt-4', 'gpt-4o', 'claude-3-opus'])
      expect(config.targets.has(config.mappings[name] as string)).toBe(true);
    // The seed's flat format: nothing but name → target id strings.
    expect(Object.values(mappingsJson).every((v) => typeof v === 'string')).toBe(true);
    expect(config.targets.get('direct/gpt-4o')).toMatchObject({ backend: 'direct', model: 'gpt-4o' });
  });

  it('fills defaults and gives each target its id', () => {
    const config = parseModelConfig(
      { default: 'm' },
      { m: { backend: 'morpheus', model: 'llama', blockchainId: HEX } },
    );
    expect(config.targets.get('m')).toEqual({
      id: 'm',
      backend: 'morpheus',
      model: 'llama',
      blockchainId: HEX,
      ownedBy: 'morpheus',
      created: 0,
    });
  });

  it.each([
    [
      'no default',
      { 'gpt-4': 'd' },
      { d: { backend: 'direct', model: 'x' } },
      /"default" mapping is required/,
    ],
    [
      'unknown target',
      { default: 'nope' },
      { d: { backend: 'direct', model: 'x' } },
      /maps to unknown target "nope"/,
    ],
    [
      'morpheus without a hex32 id',
      { default: 'm' },
      { m: { backend: 'morpheus', model: 'x', blockchainId: '0x12' } },
      /blockchainId must be a 0x-prefixed 32-byte hex id/,
    ],
    ['unknown backend', { default: 'd' }, { d: { backend: 'bedrock', model: 'x' } }, /model_targets.json: d/],
    ['a typo in a field', { default: 'd' }, { d: { backend: 'direct', modle: 'x' } }, /model_targets.json/],
    ['a non-string mapping', { default: 3 }, targetsJson, /model_mappings.json: default/],
  ])('rejects %s with a readable error', (_label, mappings, targets, message) => {
    expect(() => parseModelConfig(mappings, targets)).toThrow(message);
  });
});
