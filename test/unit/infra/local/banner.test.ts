import { banner, routingLines, type BannerInput } from '../../../../infra/local/banner';
import { parseModelConfig } from '../../../../shared/gateway/model-config-schema';
import mappings from '../../../../config/model_mappings.json';
import targets from '../../../../config/model_targets.json';

const upstreams = {
  direct: 'stub OpenAI http://127.0.0.1:4001/v1',
  morpheus: 'stub router http://127.0.0.1:4002',
};
const models = parseModelConfig(mappings, targets);

const input: BannerInput = {
  apiUrl: 'http://127.0.0.1:3000',
  demo: { key: 'fg_demo', email: 'demo@flowgate.local', created: true },
  dynamodbEndpoint: 'http://127.0.0.1:8000',
  tableName: 'flowgate-local',
  dataDir: '/tmp/data',
  startupMs: 1234,
  upstreams,
  models,
  automation: true,
  outboundAllow: '127.0.0.0/8',
  metricsFile: '/tmp/data/metrics.log',
  drainSeconds: 10,
};

describe('the npm start banner', () => {
  it('lists where each model name goes, from the router configuration, default first', () => {
    expect(routingLines(models, upstreams)).toEqual([
      'default       → morpheus llama-3.3-70b (stub router http://127.0.0.1:4002)',
      'gpt-3.5-turbo → morpheus llama-3.3-70b (stub router http://127.0.0.1:4002)',
      'gpt-4         → morpheus qwen3-235b (stub router http://127.0.0.1:4002)',
      'gpt-4o        → direct gpt-4o (stub OpenAI http://127.0.0.1:4001/v1)',
      'claude-3-opus → morpheus mistral-31-24b (stub router http://127.0.0.1:4002)',
    ]);
  });

  it('begins "Try it" with one copy-pasteable export block, and its examples use it', () => {
    const text = banner(input);
    const tryIt = text.slice(text.indexOf('Try it:'));
    expect(tryIt).toMatch(
      /^Try it:\n\n {2}export FLOWGATE_URL=http:\/\/127\.0\.0\.1:3000\n {2}export FLOWGATE_KEY=fg_demo\n\n/,
    );
    expect(tryIt).toContain(
      `curl -s $FLOWGATE_URL/api/v1/chat/completions -H "Authorization: Bearer $FLOWGATE_KEY" -H 'Content-Type: application/json' -d '{"model":"gpt-4o","messages":[{"role":"user","content":"Hello"}]}'`,
    );
    expect(tryIt).toContain('node infra/local/examples/chat.mjs');
    // The key appears in the export only: the examples read the variables.
    expect(tryIt.split('fg_demo')).toHaveLength(2);
  });

  it('says automation is on (and off by default in AWS), and where metric lines go', () => {
    const text = banner(input);
    expect(text).toContain(
      "Automation  on (the switch and the demo user's setting): chat opens a model session",
    );
    expect(text).toContain('off by default in AWS');
    expect(text).toContain(
      'Metrics     EMF metric lines go to /tmp/data/metrics.log (--verbose prints them)',
    );
    const inMemory = banner({ ...input, dataDir: undefined, metricsFile: undefined, automation: false });
    expect(inMemory).toContain('(in memory)');
    expect(inMemory).toContain('EMF metric lines are discarded in memory');
    expect(inMemory).toContain('Automation  off (AUTOMATION_FEATURE_ENABLED=false)');
  });
});
