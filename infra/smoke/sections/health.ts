import { expectStatus, expectThat, objectOf } from '../checks';
import type { Section, SmokeContext } from '../smoke-context';

/** The public liveness probe: the stage answers at all, before any key is used. */
export function healthSection(ctx: SmokeContext): Section {
  return {
    steps: [
      {
        name: 'health',
        run: async () => {
          const res = await ctx.http.call('GET', '/api/health', { key: null });
          expectStatus(res, 200);
          const body = objectOf(res);
          expectThat(body.status === 'healthy' && body.scheduler === 'active', 'not healthy', res);
        },
      },
    ],
  };
}
