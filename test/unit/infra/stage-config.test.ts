import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  contextBoolean,
  loadStage,
  parseStage,
  STAGES_DIR,
  unreachableModels,
} from '../../../infra/stage-config';
import { parseModelConfig } from '../../../shared/gateway/model-config-schema';

const both = {
  upstream: { baseUrl: 'https://upstream.example/v1' },
  morpheus: { routerUrl: 'https://router.example' },
};

describe('stage configuration', () => {
  it.each(['dev', 'prod'])('the shipped %s stage is valid, and every model it maps is reachable', (name) => {
    const stage = loadStage(name);
    expect(stage.config.name).toBe(name);
    expect(Object.keys(stage.models.mappings)).toContain('default');
    expect(JSON.parse(stage.modelJson.mappings)).toEqual(stage.models.mappings);
  });

  it('fills every default a minimal stage leaves out', () => {
    const { config } = parseStage({ name: 'min', ...both });
    expect(config).toMatchObject({
      automation: { featureEnabled: false, defaultEnabled: false },
      modelRoutingStrict: false,
      logLevel: 'info',
      api: { rateLimit: 50, burstLimit: 100, corsOrigins: ['*'] },
      retention: { logDays: 30, runDays: 30, auditDays: 400 },
      tracing: false,
      models: { mappings: 'config/model_mappings.json', targets: 'config/model_targets.json' },
    });
  });

  it.each([
    [{ name: 'Prod', ...both }, 'name: must be 2-12 lower-case letters or digits'],
    [{ name: 'dev', ...both, tracing: 'true' }, 'tracing: Invalid input: expected boolean, received string'],
    [{ name: 'dev', ...both, logLevel: 'verbose' }, 'logLevel'],
    [{ name: 'dev', ...both, retention: { logDays: 31 } }, 'retention.logDays'],
    [{ name: 'dev', ...both, alarmEmail: 'ops' }, 'alarmEmail'],
    [{ name: 'dev', ...both, api: { corsOrigins: ['example.com'] } }, 'api.corsOrigins.0'],
    [{ name: 'dev', ...both, upstream: { baseUrl: 'x', apiKeySecretArn: 'secret' } }, 'upstream.baseUrl'],
    [{ name: 'dev', ...both, models: { mappings: '../secrets.json' } }, 'models.mappings'],
    [{ name: 'dev', ...both, unknown: 1 }, 'Unrecognized key: "unknown"'],
  ])('refuses %j, naming the field', (input, expected) => {
    expect(() => parseStage(input, 'config/stages/x.json')).toThrow(
      expect.objectContaining({ message: expect.stringContaining(expected) }),
    );
  });

  it('counts a fallback on a backend the stage does not configure as unreachable too', () => {
    const models = parseModelConfig(
      { default: ['d', 'm'] },
      {
        d: { backend: 'direct', model: 'gpt-4o' },
        m: { backend: 'morpheus', model: 'l', blockchainId: `0x${'1'.repeat(64)}` },
      },
    );
    const onlyDirect = parseStage({ name: 'dev', ...both }).config;
    expect(
      unreachableModels(
        { ...onlyDirect, morpheus: { ...onlyDirect.morpheus, routerUrl: undefined } },
        models,
      ),
    ).toEqual([
      'model "default" routes to m (backend morpheus), which this stage does not configure (morpheus.routerUrl)',
    ]);
    expect(unreachableModels(onlyDirect, models)).toEqual([]);
  });

  it('refuses a stage whose model names route to a backend it does not configure', () => {
    expect(() => parseStage({ name: 'dev', upstream: both.upstream })).toThrow(
      /model "default" routes to morpheus\/llama-3.3-70b \(backend morpheus\), which this stage does not configure \(morpheus.routerUrl\)/,
    );
    expect(() =>
      parseStage({
        name: 'dev',
        models: {
          mappings: 'config/model_mappings.openai.json',
          targets: 'config/model_targets.openai.json',
        },
      }),
    ).toThrow(/routes to direct\/gpt-4o-mini .*upstream.baseUrl/);
  });

  it('reads config/stages/<name>.json, whose name must be its own, and names an unknown stage', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stages-'));
    writeFileSync(path.join(dir, 'qa.json'), JSON.stringify({ name: 'prod', ...both }));
    expect(() => loadStage('qa', dir)).toThrow(/"name" is "prod", expected "qa"/);
    expect(() => loadStage('nope')).toThrow(/Stage "nope": cannot read config\/stages\/nope.json/);
    expect(() => loadStage('../etc')).toThrow(/stage names are 2-12 lower-case letters or digits/);
    expect(STAGES_DIR.endsWith(path.join('config', 'stages'))).toBe(true);
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [undefined, undefined],
  ])('reads context %j as %j', (value, expected) => {
    expect(contextBoolean(value, 'flowgate:tracing')).toBe(expected);
  });

  it('refuses context that is not a boolean', () => {
    expect(() => contextBoolean('yes', 'flowgate:tracing')).toThrow(
      'Context "flowgate:tracing" must be true or false, got "yes"',
    );
  });
});
