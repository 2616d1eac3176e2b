import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/** Public liveness probe. Touches nothing, so it cannot be used to load the table. */
export const handler = http(
  async () => ok({ status: 'healthy', timestamp: new Date().toISOString(), scheduler: 'active' }),
  { auth: 'public' },
);
