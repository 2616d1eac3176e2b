import { AuditLog, auditView } from '../../../shared/audit/audit-log';
import { Logger } from '../../../shared/logger';
import { testRepositoryDeps } from '../../support/identity';

const user = () => `audit-user-${Math.random().toString(36).slice(2)}`;

describe('AuditLog (DynamoDB Local)', () => {
  const lines: string[] = [];
  const log = new Logger({}, 'error', (line) => lines.push(line));
  const deps = { ...testRepositoryDeps(), log, retentionDays: 1 };

  it('lists a user’s entries newest first and only that user’s', async () => {
    const audit = new AuditLog(deps);
    const alice = user();
    await audit.record({
      userId: alice,
      actor: { type: 'user', userId: alice, keyId: 'k1' },
      action: 'automation.deploy',
      target: { type: 'trace', id: 't1' },
      details: { expression: 'cron(0 9 * * ? *)' },
    });
    await audit.record({
      userId: alice,
      actor: { type: 'system', name: 'scheduler' },
      action: 'automation.status_change',
      target: { type: 'trace', id: 't1' },
      details: { from: 'deployed', to: 'failed' },
    });
    const page = await audit.list(alice, 10);
    expect(page.items.map((e) => e.action)).toEqual(['automation.status_change', 'automation.deploy']);
    expect(auditView(page.items[0]!)).toMatchObject({
      actor: { type: 'system', name: 'scheduler' },
      target: { type: 'trace', id: 't1' },
      details: { from: 'deployed', to: 'failed' },
    });
    expect(auditView(page.items[1]!).actor).toEqual({ type: 'user', user_id: alice, key_id: 'k1' });
    expect((await audit.list(user(), 10)).items).toEqual([]);
  });

  it('hides entries past their retention even before TTL deletes them', async () => {
    let now = Date.now();
    const audit = new AuditLog(deps, () => now);
    const alice = user();
    await audit.record({
      userId: alice,
      actor: { type: 'user', userId: alice },
      action: 'credential.delete',
      target: { type: 'credential', id: 'c1' },
    });
    expect((await audit.list(alice, 10)).items).toHaveLength(1);
    now += 86_400_000 + 1000;
    expect((await audit.list(alice, 10)).items).toHaveLength(0);
  });

  it('logs, and does not throw, when the entry cannot be written', async () => {
    const broken = new AuditLog({ ...deps, tableName: 'no-such-table' });
    const entry = await broken.record({
      userId: 'u',
      actor: { type: 'user', userId: 'u' },
      action: 'plan.delete',
      target: { type: 'plan', id: 'p1' },
    });
    expect(entry.auditId).toMatch(/^audit/);
    const logged = lines
      .map((l) => JSON.parse(l))
      .find((l) => l.message === 'audit entry could not be written');
    expect(logged.audit).toMatchObject({ action: 'plan.delete', target: { type: 'plan', id: 'p1' } });
  });
});
