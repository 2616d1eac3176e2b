import { randomBytes } from 'node:crypto';
import { ensureTable } from '../../../../infra/local/dynamodb-local';
import { DEMO_EMAIL, ensureDemoUser } from '../../../../infra/local/demo-user';
import { createDocumentClient } from '../../../../shared/clients/dynamodb';
import { AutomationSettingsRepository } from '../../../../shared/gateway/automation-settings';
import { ApiKeyRepository } from '../../../../shared/identity/api-key-repository';
import { hashApiKey } from '../../../../shared/identity/api-key-secret';

/** Stacks that share a table (the test stacks do) start at the same time and race for the demo user. */
describe('ensureDemoUser', () => {
  const client = createDocumentClient();
  afterAll(() => client.destroy());

  it('gives every stack starting at once the same demo user, each with a working key', async () => {
    const tableName = `demo-${randomBytes(4).toString('hex')}`;
    await ensureTable(process.env.DYNAMODB_ENDPOINT as string, tableName);
    const deps = { client, tableName };
    const demos = await Promise.all(Array.from({ length: 5 }, () => ensureDemoUser(deps, undefined)));
    expect(new Set(demos.map((d) => d.userId)).size).toBe(1);
    expect(demos.filter((d) => d.created)).toHaveLength(1);
    expect(demos.every((d) => d.email === DEMO_EMAIL)).toBe(true);
    const keys = new ApiKeyRepository(deps);
    for (const demo of demos) {
      await expect(keys.findByHash(hashApiKey(demo.key))).resolves.toMatchObject({
        userId: demos[0]!.userId,
      });
    }
  });

  it('starts the demo user with automation on, and keeps a choice it saved later', async () => {
    const tableName = `demo-${randomBytes(4).toString('hex')}`;
    await ensureTable(process.env.DYNAMODB_ENDPOINT as string, tableName);
    const deps = { client, tableName };
    const settings = new AutomationSettingsRepository(deps, { isEnabled: false, sessionDuration: 3600 });
    const demo = await ensureDemoUser(deps, undefined);
    await expect(settings.effective(demo.userId)).resolves.toMatchObject({ isEnabled: true });
    await settings.update(demo.userId, { isEnabled: false });
    await ensureDemoUser(deps, undefined);
    await expect(settings.effective(demo.userId)).resolves.toMatchObject({ isEnabled: false });
  });
});
