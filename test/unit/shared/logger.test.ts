import { Logger } from '../../../shared/logger';

describe('Logger', () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info') => {
    const lines: string[] = [];
    return { lines, log: new Logger({ requestId: 'r1' }, level, (l) => lines.push(l)) };
  };

  it('writes one JSON line with context, and never a key or secret', () => {
    const { lines, log } = capture();
    const key = `fg_${'k'.repeat(43)}`;
    log.child({ userId: 'u1' }).info('authorized', { header: `Bearer ${key}`, apiKey: key, count: 2 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'authorized',
      requestId: 'r1',
      userId: 'u1',
      count: 2,
    });
    expect(entry.timestamp).toEqual(expect.any(String));
    expect(lines[0]).not.toContain(key);
  });

  it('drops lines below its level', () => {
    const { lines, log } = capture('warn');
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['c', 'd']);
    const silent = capture('silent');
    silent.log.error('nothing');
    expect(silent.lines).toEqual([]);
  });
});
