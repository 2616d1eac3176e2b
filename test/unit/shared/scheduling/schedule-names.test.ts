import { createHash } from 'node:crypto';
import {
  clientTokenFor,
  definitionFor,
  refFromInput,
  scheduleNameFor,
  userSchedulePrefix,
} from '../../../../shared/scheduling/schedule-names';
import { assertScheduleName, buildScheduleInput } from '../../../../shared/scheduling/scheduler-port';

const USER = '3f2b9c1e-8a7d-4e6f-9b0c-1d2e3f4a5b6c';
const userHash = createHash('sha256').update(USER).digest('hex').slice(0, 16);

describe('schedule names', () => {
  it('are u<user hash>.<kind>.<automation id>', () => {
    const traceId = 'trace_0m8x2k1p9a1b2c3d4e5f6a7b8c9d0';
    expect(scheduleNameFor({ kind: 'trace', automationId: traceId, userId: USER })).toBe(
      `u${userHash}.trace.${traceId}`,
    );
    expect(scheduleNameFor({ kind: 'plan', automationId: 'plan_1', userId: USER })).toBe(
      `u${userHash}.plan.plan_1`,
    );
    expect(userSchedulePrefix(USER)).toBe(`u${userHash}.`);
  });

  it('stay within EventBridge rules for ids that are long or carry other characters', () => {
    const ids = ['x'.repeat(40), 'x'.repeat(41), 'a/b c', '1e4f0c3a-2b1d-4e5f-8a9b-0c1d2e3f4a5b', 'ü'];
    const names = ids.map((automationId) => scheduleNameFor({ kind: 'trace', automationId, userId: USER }));
    for (const name of names) {
      expect(() => assertScheduleName(name)).not.toThrow();
      expect(name.length).toBeLessThanOrEqual(64);
    }
    expect(names[0]).toBe(`u${userHash}.trace.${'x'.repeat(40)}`);
    expect(names[0]).toHaveLength(64);
    expect(names[1]).toMatch(new RegExp(`^u${userHash}\\.trace\\.h[0-9a-f]{32}$`));
    expect(new Set(names).size).toBe(names.length);
  });

  it('differ between kinds and users for the same id', () => {
    const a = scheduleNameFor({ kind: 'trace', automationId: 'id1', userId: 'u1' });
    const b = scheduleNameFor({ kind: 'plan', automationId: 'id1', userId: 'u1' });
    const c = scheduleNameFor({ kind: 'trace', automationId: 'id1', userId: 'u2' });
    expect(new Set([a, b, c]).size).toBe(3);
  });
});

describe('definitionFor and refFromInput', () => {
  const ref = { kind: 'plan' as const, automationId: 'plan_7', userId: USER };

  it('builds the whole definition, with the description cut to 512 characters', () => {
    const def = definitionFor(ref, {
      expression: 'rate(1 hour)',
      timezone: 'UTC',
      state: 'DISABLED',
      description: 'd'.repeat(600),
    });
    const name = scheduleNameFor(ref);
    expect(def).toEqual({
      name,
      expression: 'rate(1 hour)',
      timezone: 'UTC',
      state: 'DISABLED',
      input: buildScheduleInput({ ...ref, scheduleName: name }),
      description: 'd'.repeat(512),
    });
    expect(refFromInput(def.input)).toEqual(ref);
  });

  it('reads no automation from input Flowgate did not write', () => {
    expect(refFromInput('not json')).toBeUndefined();
    expect(refFromInput('null')).toBeUndefined();
    expect(refFromInput('{"source":"other","kind":"plan","automationId":"a","userId":"u"}')).toBeUndefined();
    expect(
      refFromInput('{"source":"flowgate.schedule","kind":"job","automationId":"a","userId":"u"}'),
    ).toBeUndefined();
    expect(
      refFromInput('{"source":"flowgate.schedule","kind":"plan","automationId":1,"userId":"u"}'),
    ).toBeUndefined();
  });

  it('client tokens are stable for one definition, differ for another, and fit ClientToken', () => {
    const base = definitionFor(ref, { expression: 'rate(1 hour)', timezone: 'UTC', state: 'ENABLED' });
    const token = clientTokenFor(base);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(clientTokenFor({ ...base })).toBe(token);
    expect(clientTokenFor({ ...base, expression: 'rate(2 hours)' })).not.toBe(token);
    expect(clientTokenFor({ ...base, state: 'DISABLED' })).not.toBe(token);
  });
});
