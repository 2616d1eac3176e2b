import { IntegrationRepository } from '../../../shared/integrations/integration-repository';
import { IntegrationBody, MAX_INTEGRATIONS_PER_USER } from '../../../shared/integrations/integration-schema';
import { newUuid } from '../../../shared/ids';
import { resolveProvider } from '../../../shared/providers/registry';
import { testRepositoryDeps } from '../../support/identity';

const repo = new IntegrationRepository(testRepositoryDeps());
const body = (name = 'CRM') =>
  IntegrationBody.parse({ name, base_url: 'https://crm.example.test/api', auth: { type: 'bearer' } });

describe('IntegrationRepository', () => {
  it('stores under the owner and resolves custom_<id> for that owner only', async () => {
    const alice = newUuid();
    const bob = newUuid();
    const record = await repo.create(alice, body());
    expect(record).toMatchObject({
      userId: alice,
      name: 'CRM',
      baseUrl: 'https://crm.example.test/api',
      defaultHeaders: {},
    });
    const deps = { integrations: repo };
    expect(await resolveProvider(`custom_${record.id}`, alice, deps)).toMatchObject({
      name: `custom_${record.id}`,
      title: 'CRM',
    });
    expect(await resolveProvider(`custom_${record.id}`, bob, deps)).toBeUndefined();
    expect(await repo.find(bob, record.id)).toBeUndefined();
    await expect(repo.get(bob, record.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'integration_not_found',
    });
    await expect(repo.update(bob, record.id, body('x'))).rejects.toMatchObject({ statusCode: 404 });
    await expect(repo.delete(bob, record.id)).rejects.toMatchObject({ statusCode: 404 });
    expect(await repo.get(alice, record.id)).toEqual(record);
  });

  it('lists oldest first', async () => {
    const owner = newUuid();
    const first = await repo.create(owner, body('one'), new Date('2026-01-01T00:00:00Z'));
    const second = await repo.create(owner, body('two'), new Date('2026-01-02T00:00:00Z'));
    expect((await repo.list(owner)).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(await repo.list(newUuid())).toEqual([]);
  });

  it(`refuses more than ${MAX_INTEGRATIONS_PER_USER} per user`, async () => {
    const owner = newUuid();
    for (let i = 0; i < MAX_INTEGRATIONS_PER_USER; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => repo.create(owner, body(`n${i + j}`))));
    }
    await expect(repo.create(owner, body('one too many'))).rejects.toMatchObject({
      statusCode: 409,
      code: 'integration_limit_reached',
    });
    expect((await repo.list(owner)).length).toBe(MAX_INTEGRATIONS_PER_USER);
  });
});
