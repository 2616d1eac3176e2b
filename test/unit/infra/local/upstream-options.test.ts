import { parseModelConfig } from '../../../../shared/gateway/model-config-schema';
import { ModelRouter } from '../../../../shared/gateway/model-router';
import {
  DEFAULT_UPSTREAM_MODEL,
  NO_KEY_PLACEHOLDER,
  OPENAI_BASE_URL,
  UpstreamOptionError,
  upstreamEnvironment,
} from '../../../../infra/local/upstream-options';

const DEMO_NAMES = ['default', 'gpt-3.5-turbo', 'gpt-4', 'gpt-4o', 'claude-3-opus'];

/** Where each demo name goes under the environment, through the real config parser and router. */
function routes(env: Record<string, string>): Record<string, string> {
  const config = parseModelConfig(JSON.parse(env.MODEL_MAPPINGS_JSON!), JSON.parse(env.MODEL_TARGETS_JSON!));
  const router = new ModelRouter(config, { strict: true });
  return Object.fromEntries(
    DEMO_NAMES.map((name) => {
      const { target } = router.route(name);
      return [name, `${target.backend}/${target.model}`];
    }),
  );
}

describe('npm start flags → environment', () => {
  it('sets nothing without flags (stubs, or the developer’s own variables)', () => {
    expect(upstreamEnvironment({}, { UPSTREAM_BASE_URL: 'http://x/v1' })).toEqual({});
  });

  it('--upstream openai: OpenAI with OPENAI_API_KEY, every demo name to a real OpenAI model', () => {
    const env = upstreamEnvironment(
      { upstream: 'openai' },
      { OPENAI_API_KEY: 'sk-test', UPSTREAM_API_KEY: 'old' },
    );
    expect(env).toMatchObject({ UPSTREAM_BASE_URL: OPENAI_BASE_URL, UPSTREAM_API_KEY: 'sk-test' });
    expect(env.MORPHEUS_ROUTER_URL).toBeUndefined();
    expect(routes(env)).toEqual({
      default: 'direct/gpt-4o-mini',
      'gpt-3.5-turbo': 'direct/gpt-4o-mini',
      'gpt-4': 'direct/gpt-4o',
      'gpt-4o': 'direct/gpt-4o',
      'claude-3-opus': 'direct/gpt-4o-mini',
    });
    expect(JSON.parse(env.MODEL_MAPPINGS_JSON!)['gpt-4o-mini']).toBe('direct/gpt-4o-mini');
  });

  it.each([{}, { OPENAI_API_KEY: '' }, { OPENAI_API_KEY: '  ' }])(
    '--upstream openai without OPENAI_API_KEY (%p) is one clear error',
    (environment) => {
      expect(() => upstreamEnvironment({ upstream: 'openai' }, environment)).toThrow(UpstreamOptionError);
      expect(() => upstreamEnvironment({ upstream: 'openai' }, environment)).toThrow(
        '--upstream openai needs OPENAI_API_KEY; export OPENAI_API_KEY=sk-… and start again',
      );
    },
  );

  it('--upstream openai --model: every name to that model', () => {
    const env = upstreamEnvironment({ upstream: 'OpenAI', model: 'gpt-4.1-nano' }, { OPENAI_API_KEY: 'k' });
    expect(Object.values(routes(env))).toEqual(DEMO_NAMES.map(() => 'direct/gpt-4.1-nano'));
  });

  it('--upstream <url>: that server, UPSTREAM_API_KEY or a placeholder, one model for every name', () => {
    const env = upstreamEnvironment({ upstream: 'http://127.0.0.1:11434/v1/' }, {});
    expect(env).toMatchObject({
      UPSTREAM_BASE_URL: 'http://127.0.0.1:11434/v1',
      UPSTREAM_API_KEY: NO_KEY_PLACEHOLDER,
    });
    expect(Object.values(routes(env))).toEqual(DEMO_NAMES.map(() => `direct/${DEFAULT_UPSTREAM_MODEL}`));

    const keyed = upstreamEnvironment(
      { upstream: 'https://llm.example/v1' },
      { UPSTREAM_API_KEY: 'secret', UPSTREAM_MODEL: 'qwen2.5' },
    );
    expect(keyed.UPSTREAM_API_KEY).toBe('secret');
    expect(Object.values(routes(keyed))).toEqual(DEMO_NAMES.map(() => 'direct/qwen2.5'));
    // The flag wins over the variable.
    const flagged = upstreamEnvironment(
      { upstream: 'https://llm.example/v1', model: 'm1' },
      { UPSTREAM_MODEL: 'm2' },
    );
    expect(routes(flagged)['gpt-4o']).toBe('direct/m1');
  });

  it.each(['ftp://x', 'not a url', 'localhost:11434'])('--upstream %s is refused in one line', (upstream) => {
    expect(() => upstreamEnvironment({ upstream }, {})).toThrow(UpstreamOptionError);
  });

  it('--router <url>: the router with its credentials; routing and the direct stub untouched', () => {
    expect(
      upstreamEnvironment({ router: 'http://10.0.0.5:8082/' }, { MORPHEUS_ROUTER_PASSWORD: 'pw' }),
    ).toEqual({
      MORPHEUS_ROUTER_URL: 'http://10.0.0.5:8082',
      MORPHEUS_ROUTER_USERNAME: 'admin',
      MORPHEUS_ROUTER_PASSWORD: 'pw',
    });
    expect(
      upstreamEnvironment(
        { router: 'http://r' },
        { MORPHEUS_ROUTER_PASSWORD: 'pw', MORPHEUS_ROUTER_USERNAME: 'ops' },
      ).MORPHEUS_ROUTER_USERNAME,
    ).toBe('ops');
    expect(() => upstreamEnvironment({ router: 'http://r' }, {})).toThrow(
      /--router needs MORPHEUS_ROUTER_PASSWORD/,
    );
  });

  it('--upstream and --router: the bundled routing, direct targets to the upstream’s model', () => {
    const openai = upstreamEnvironment(
      { upstream: 'openai', router: 'http://r' },
      { OPENAI_API_KEY: 'k', MORPHEUS_ROUTER_PASSWORD: 'pw' },
    );
    // The bundled files already name a real OpenAI model: nothing to override.
    expect(openai.MODEL_MAPPINGS_JSON).toBeUndefined();
    expect(openai.MODEL_TARGETS_JSON).toBeUndefined();

    const generic = upstreamEnvironment(
      { upstream: 'http://127.0.0.1:11434/v1', router: 'http://r' },
      { MORPHEUS_ROUTER_PASSWORD: 'pw' },
    );
    expect(routes(generic)).toEqual({
      default: 'morpheus/llama-3.3-70b',
      'gpt-3.5-turbo': 'morpheus/llama-3.3-70b',
      'gpt-4': 'morpheus/qwen3-235b',
      'gpt-4o': `direct/${DEFAULT_UPSTREAM_MODEL}`,
      'claude-3-opus': 'morpheus/mistral-31-24b',
    });
  });

  it('--model without --upstream is refused', () => {
    expect(() => upstreamEnvironment({ model: 'x' }, {})).toThrow(/--model names the model of --upstream/);
  });
});
