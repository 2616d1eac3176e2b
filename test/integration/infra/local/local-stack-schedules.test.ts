import { randomBytes } from 'node:crypto';
import { definitionFor } from '../../../../shared/scheduling/schedule-names';
import { startTestStack } from '../../../support/local-stack';

jest.setTimeout(30_000);

/** `npm start` fires schedules: the stack starts the runner after the API and stops it first. */
describe('local stack schedule delivery', () => {
  it('invokes the execution function when a schedule is due, and stops with the stack', async () => {
    const stack = await startTestStack({ scheduleGroup: `it-stack-${randomBytes(6).toString('hex')}` });
    const { scheduler, runner } = stack.adapters;
    const oneTime = (automationId: string, at: Date) =>
      definitionFor(
        { kind: 'trace', automationId, userId: stack.demo.userId },
        { expression: `at(${at.toISOString().slice(0, 19)})`, timezone: 'UTC', state: 'ENABLED' },
      );
    // Whole seconds, like EventBridge's at(), and far enough ahead to be created in time.
    const inAbout = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
    let later: Date;
    try {
      await scheduler.create(oneTime('trace_soon', inAbout(1500)));
      for (let waited = 0; runner.stats.fired === 0 && waited < 15_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(runner.stats).toMatchObject({ fired: 1, failed: 0 });
      later = inAbout(1500);
      await scheduler.create(oneTime('trace_after_stop', later));
    } finally {
      await stack.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, later.getTime() - Date.now() + 1000));
    expect(runner.stats.fired).toBe(1);
  });
});
