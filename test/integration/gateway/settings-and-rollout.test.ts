import { randomUUID } from 'node:crypto';
import { flag } from '../../../infra/admin/flag-commands';
import { UsageError } from '../../../infra/admin/identity-commands';
import { AutomationSettingsRepository } from '../../../shared/gateway/automation-settings';
import { RolloutFlagRepository } from '../../../shared/gateway/rollout-flag';
import { testRepositoryDeps } from '../../support/identity';

describe('automation settings (DynamoDB Local)', () => {
  const deps = testRepositoryDeps();
  const settings = new AutomationSettingsRepository(deps, { isEnabled: false, sessionDuration: 3600 });
  afterAll(() => deps.client.destroy());

  it('a new user starts disabled; the first read stores the defaults with real timestamps', async () => {
    const userId = randomUUID();
    expect(await settings.find(userId)).toBeUndefined();
    expect(await settings.effective(userId)).toEqual({ isEnabled: false, sessionDuration: 3600 });
    const created = await settings.getOrCreate(userId, new Date('2026-03-01T10:00:00Z'));
    expect(created).toEqual({
      userId,
      isEnabled: false,
      sessionDuration: 3600,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      version: 1,
    });
    expect(await settings.getOrCreate(userId)).toEqual(created);
  });

  it('concurrent first reads create one record', async () => {
    const userId = randomUUID();
    const all = await Promise.all(Array.from({ length: 10 }, () => settings.getOrCreate(userId)));
    expect(new Set(all.map((s) => s.createdAt)).size).toBe(1);
  });

  it('updates fields independently and keeps created_at', async () => {
    const userId = randomUUID();
    const created = await settings.getOrCreate(userId, new Date('2026-03-01T10:00:00Z'));
    const enabled = await settings.update(userId, { isEnabled: true }, new Date('2026-03-02T10:00:00Z'));
    expect(enabled).toMatchObject({
      isEnabled: true,
      sessionDuration: 3600,
      version: 2,
      createdAt: created.createdAt,
    });
    expect(enabled.updatedAt).toBe('2026-03-02T10:00:00.000Z');
    const shorter = await settings.update(userId, { sessionDuration: 120 });
    expect(shorter).toMatchObject({ isEnabled: true, sessionDuration: 120, version: 3 });
    expect(await settings.effective(userId)).toEqual({ isEnabled: true, sessionDuration: 120 });
  });

  it('loses no update when many arrive at once', async () => {
    const userId = randomUUID();
    const writes = 8;
    await Promise.all(
      Array.from({ length: writes }, (_, i) =>
        settings.update(userId, i % 2 === 0 ? { sessionDuration: 60 + i } : { isEnabled: i % 4 === 1 }),
      ),
    );
    const final = await settings.find(userId, true);
    // One version per write: none was overwritten by a concurrent one.
    expect(final?.version).toBe(writes);
  });
});

describe('rollout flag and `npm run admin -- flag`', () => {
  const deps = testRepositoryDeps();
  const repository = new RolloutFlagRepository(deps);
  const run = async (args: string[], flags: { percent?: string; allow?: string; user?: string } = {}) => {
    const lines: string[] = [];
    await flag(deps, args, flags, { out: (line) => lines.push(line) });
    return lines;
  };
  afterAll(async () => {
    await repository.clear();
    deps.client.destroy();
  });

  it('show, set and clear', async () => {
    await repository.clear();
    expect(await run(['show'])).toEqual(['automation rollout: no flag set, every user is eligible']);

    const set = await run(['set'], { percent: '10', allow: 'internal-1, internal-2,' });
    expect(set[0]).toBe('automation rollout: 10% of users');
    expect(set[1]).toBe('allowlist (2): internal-1, internal-2');
    expect(set.at(-1)).toMatch(/within 30 s/);
    expect(await repository.get()).toMatchObject({
      percent: 10,
      allow: ['internal-1', 'internal-2'],
      version: 1,
    });

    // Changing one part keeps the other.
    await run(['set'], { percent: '50' });
    expect(await repository.get()).toMatchObject({
      percent: 50,
      allow: ['internal-1', 'internal-2'],
      version: 2,
    });
    await run(['set'], { allow: '' });
    expect(await repository.get()).toMatchObject({ percent: 50, allow: [] });

    const shown = await run(['show'], { user: 'internal-1' });
    expect(shown.at(-1)).toMatch(/^user internal-1: bucket \d+, (in|outside) the rollout$/);

    await run(['clear']);
    expect(await repository.get()).toBeUndefined();
  });

  it.each([
    [['set'], {}, /needs --percent/],
    [['set'], { percent: '101' }, /whole number from 0 to 100/],
    [['set'], { percent: '-5' }, /whole number from 0 to 100/],
    [['set'], { percent: 'ten' }, /whole number from 0 to 100/],
    [['toggle'], {}, /Unknown flag action "toggle"/],
  ])('refuses %j %j', async (args, flags, message) => {
    await expect(run(args, flags)).rejects.toThrow(UsageError);
    await expect(run(args, flags)).rejects.toThrow(message);
  });

  it('the repository refuses a percentage out of range', async () => {
    await expect(repository.set({ percent: 150, allow: [] })).rejects.toThrow(RangeError);
  });
});
