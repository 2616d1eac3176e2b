import { execFile } from 'node:child_process';
import { parseStage } from '../../../../infra/stage-config';
import { secretTarget } from '../../../../infra/admin/secret-command';
import {
  startSecretsManagerFake,
  type SecretsManagerFake,
} from '../../../support/fakes/secrets-manager-fake';
import { REPO_ROOT, type ToolRun } from '../../../support/run-tool';
import { findLeaks } from '../../../support/secret-scan';
import { needlesFor } from '../../../support/secret-forms';

/** `npm run admin -- …` with `input` on its standard input, pointed at the fake by the SDK's own variable. */
function admin(fake: SecretsManagerFake, args: string[], input = ''): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'infra/admin/cli.ts', ...args],
      {
        cwd: REPO_ROOT,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.url,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const leaksOf = (run: ToolRun, value: string) =>
  findLeaks(
    [
      { label: 'stdout', text: run.stdout },
      { label: 'stderr', text: run.stderr },
    ],
    needlesFor('value', value),
  );

describe('npm run admin -- secret', () => {
  let fake: SecretsManagerFake;
  const region = ['--region', 'us-east-1'];

  beforeAll(async () => {
    fake = await startSecretsManagerFake();
  });
  afterAll(() => fake.close());

  it('set: writes stdin less one trailing newline to flowgate/<stage>/<name> with PutSecretValue, printing no value', async () => {
    const arn = fake.create('flowgate/dev/upstream-api-key', 'generated-placeholder-000000');
    const value = 'sk-live-admin-written-key-31415926';
    const before = fake.calls().length;
    const run = await admin(
      fake,
      ['secret', 'set', 'upstream-api-key', '--stage', 'dev', ...region],
      `${value}\n`,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^Set flowgate\/dev\/upstream-api-key \(version [0-9a-f-]{36}\)\. .*5 minutes/,
    );
    expect(fake.valueOf(arn)).toBe(value);
    expect(fake.calls().slice(before)).toEqual([
      {
        operation: 'PutSecretValue',
        input: {
          SecretId: 'flowgate/dev/upstream-api-key',
          SecretString: value,
          ClientRequestToken: expect.any(String),
        },
        signedFor: 'secretsmanager',
      },
    ]);
    expect(leaksOf(run, value)).toEqual([]);
  }, 60_000);

  it('set: refuses an empty value and writes nothing', async () => {
    const before = fake.calls().length;
    const run = await admin(fake, ['secret', 'set', 'upstream-api-key', '--stage', 'dev', ...region], '\n');
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: the value is empty; nothing was written\n',
    });
    expect(fake.calls().length).toBe(before);
  }, 60_000);

  it('status: says it is set and when it changed, never the value', async () => {
    const run = await admin(fake, ['secret', 'status', 'upstream-api-key', '--stage', 'dev', ...region]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^flowgate\/dev\/upstream-api-key\n {2}arn: {10}arn:aws:secretsmanager:/);
    expect(run.stdout).toMatch(/value: {8}set \(current version [0-9a-f-]{36}\)/);
    expect(run.stdout).toMatch(/last changed: \d{4}-\d\d-\d\dT/);
    expect(run.stdout).not.toMatch(/placeholder/);
    expect(fake.calls().at(-1)?.operation).toBe('DescribeSecret');
    expect(leaksOf(run, 'sk-live-admin-written-key-31415926')).toEqual([]);
  }, 60_000);

  it('a secret that does not exist yet (stage not deployed) is exit 1 with what to do', async () => {
    const run = await admin(
      fake,
      ['secret', 'set', 'upstream-api-key', '--stage', 'prod', ...region],
      'value\n',
    );
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error: there is no secret flowgate/prod/upstream-api-key; deploy the stage first (npm run deploy -- -c stage=…)\n',
    });
  }, 60_000);

  it('status: a secret the stack created and nobody set is flagged as its placeholder', async () => {
    fake.create('flowgate/prod/upstream-api-key', 'generated-placeholder-111111');
    const run = await admin(fake, ['secret', 'status', 'upstream-api-key', '--stage', 'prod', ...region]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/probably the placeholder the stack generated/);
    expect(leaksOf(run, 'generated-placeholder-111111')).toEqual([]);
  }, 60_000);

  it('without --stage: explains that the local stack reads the environment (exit 2), asking AWS nothing', async () => {
    const before = fake.calls().length;
    const key = await admin(fake, ['secret', 'set', 'upstream-api-key'], 'never-written-value\n');
    expect(key).toMatchObject({ code: 2, stdout: '' });
    expect(key.stderr).toMatch(
      /local stack reads no secrets from Secrets Manager: .* from UPSTREAM_API_KEY in its environment/,
    );
    const password = await admin(fake, ['secret', 'status', 'morpheus-router-password']);
    expect(password.code).toBe(2);
    expect(password.stderr).toMatch(/from MORPHEUS_ROUTER_PASSWORD in its environment/);
    expect(fake.calls().length).toBe(before);
  }, 60_000);

  it('refuses a name it does not know and a secret the stage does not use', async () => {
    const unknown = await admin(fake, ['secret', 'set', 'database-password', '--stage', 'dev']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: 'error: the secret is one of upstream-api-key, morpheus-router-password\n',
    });
    const unused = await admin(fake, ['secret', 'set', 'morpheus-router-password', '--stage', 'dev'], 'pw\n');
    expect(unused).toMatchObject({
      code: 2,
      stderr:
        'error: stage dev sets no morpheus.routerUrl, so none of its functions reads morpheus-router-password\n',
    });
  }, 60_000);
});

describe('secretTarget', () => {
  const stage = (extra: Record<string, unknown>) =>
    parseStage({
      name: 'qa',
      models: { mappings: 'config/model_mappings.openai.json', targets: 'config/model_targets.openai.json' },
      ...extra,
    }).config;

  it('is the secret the stack creates, in the stage region, unless the stage names an existing one', () => {
    expect(
      secretTarget(
        stage({ region: 'eu-west-1', upstream: { baseUrl: 'https://api.openai.com/v1' } }),
        'upstream-api-key',
      ),
    ).toEqual({ secretId: 'flowgate/qa/upstream-api-key', region: 'eu-west-1' });
    const arn = 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:shared/openai-AbCdEf';
    expect(
      secretTarget(
        stage({
          region: 'eu-west-1',
          upstream: { baseUrl: 'https://api.openai.com/v1', apiKeySecretArn: arn },
        }),
        'upstream-api-key',
      ),
    ).toEqual({ secretId: arn, region: 'ap-south-1' });
  });
});
