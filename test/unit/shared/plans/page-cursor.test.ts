import { decodeCursor, encodeCursor } from '../../../../shared/plans/page-cursor';
import { newSortableId, timeOfSortableId } from '../../../../shared/runs/sortable-id';
import {
  credentialSortKey,
  newCredentialId,
  parseCredentialId,
} from '../../../../shared/credentials/credential-ids';
import { executionWindow, requestWindow, SAFETY_MARGIN_MS } from '../../../../shared/runs/run-window';

const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('page cursors', () => {
  it('round-trips a key from the caller partition', () => {
    const key = { PK: 'USER#u1', SK: 'PLAN#p1' };
    const cursor = encodeCursor(key)!;
    expect(decodeCursor(cursor, { PK: 'USER#u1' }, { SK: 'PLAN#' })).toEqual(key);
    expect(encodeCursor(undefined)).toBeNull();
    expect(decodeCursor(undefined, { PK: 'x' })).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['an array', enc(['PK'])],
    ['another user', enc({ PK: 'USER#u2', SK: 'PLAN#p1' })],
    ['another item type', enc({ PK: 'USER#u1', SK: 'CRED#x' })],
    ['an unknown attribute', enc({ PK: 'USER#u1', SK: 'PLAN#p', other: 'x' })],
    ['a non-string value', enc({ PK: 'USER#u1', SK: 5 })],
  ])('refuses %s with a 400', (_name, cursor) => {
    expect(() => decodeCursor(cursor, { PK: 'USER#u1' }, { SK: 'PLAN#' })).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'invalid_cursor' }),
    );
  });
});

describe('ids', () => {
  it('sortable ids carry their creation time and sort by it', () => {
    const t = Date.UTC(2026, 10, 23, 9);
    const id = newSortableId('run', t);
    expect(id).toMatch(/^run_[0-9a-z]{9}[0-9a-f]{20}$/);
    expect(timeOfSortableId('run', id)).toBe(t);
    expect(timeOfSortableId('plan', id)).toBeUndefined();
    expect(newSortableId('run', t + 1) > id).toBe(true);
  });

  it('credential ids name their slot and carry a nonce', () => {
    const id = newCredentialId('custom_int_1', 'api_key');
    expect(parseCredentialId(id)).toEqual({
      provider: 'custom_int_1',
      credentialType: 'api_key',
      nonce: id.slice(-24),
    });
    expect(credentialSortKey('slack', 'token')).toBe('CRED#slack#token');
    for (const bad of [
      'cred_',
      'cred_abc',
      `cred_${Buffer.from('nohash').toString('base64url')}.${'0'.repeat(24)}`,
      `cred_${Buffer.from('x#').toString('base64url')}.${'0'.repeat(24)}`,
    ]) {
      expect(parseCredentialId(bad)).toBeUndefined();
    }
  });
});

describe('invocation windows', () => {
  it('a request runs steps within its budget and attempts only within its own timeout', () => {
    expect(requestWindow(29_000, 8000, 1000)).toEqual({
      startBy: 9000,
      finishBy: 1000 + 29_000 - SAFETY_MARGIN_MS,
    });
    expect(requestWindow(5000, 8000, 0)).toEqual({ startBy: 3000, finishBy: 3000 });
    expect(requestWindow(100, 8000, 0)).toEqual({ startBy: 0, finishBy: 0 });
    expect(executionWindow(300_000, 0)).toEqual({ startBy: 298_000, finishBy: 298_000, longest: true });
  });
});
