import { settleWithin } from '../../../../infra/local/drain';

describe('settleWithin', () => {
  it('is true when the work settles in time, resolved or rejected', async () => {
    await expect(settleWithin(Promise.resolve('done'), 1000)).resolves.toBe(true);
    await expect(settleWithin(Promise.reject(new Error('failed')), 1000)).resolves.toBe(true);
  });

  it('is false once the time is up, without waiting for the work', async () => {
    const started = Date.now();
    await expect(settleWithin(new Promise(() => undefined), 50)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats time already spent as none left', async () => {
    await expect(settleWithin(new Promise(() => undefined), -5)).resolves.toBe(false);
  });
});
