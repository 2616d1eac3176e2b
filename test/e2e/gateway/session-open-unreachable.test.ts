import { isolatedEnv } from './isolated-env';
// Before the shared runtime loads; the router's address is added in beforeAll, once a
// port nobody listens on is known.
const ROUTER_PASSWORD = 'unreachable-router-password';
const restoreEnv = isolatedEnv({
  AUTOMATION_FEATURE_ENABLED: 'true',
  MORPHEUS_ROUTER_USERNAME: 'admin',
  MORPHEUS_ROUTER_PASSWORD: ROUTER_PASSWORD,
});

import { freePort } from '../../../infra/local/free-port';
import type { LocalStack } from '../../../infra/local/local-stack';
import { startTestStack } from '../../support/local-stack';
import {
  failingCall,
  OPEN_PATHS,
  rawStreamFailure,
  sessionFailureLines,
  sessionItem,
} from './session-open-support';
import { captureEmf, createUser, enableAutomation, sdk } from './support';

/**
 * A proxy-router that refuses connections (configured, but nothing listens there):
 * every path that opens a session answers 502 `upstream_unreachable` at once, counts
 * the failure, and leaves no lease, so the next request fails just as fast instead of
 * waiting for one to expire.
 */
describe('session open with the proxy-router refusing connections (e2e)', () => {
  let stack: LocalStack;
  let restoreStdout: () => void;
  let routerUrl: string;

  const newUser = async () => {
    const u = await createUser('open-refused');
    await enableAutomation(stack, u.key);
    return { ...u, client: sdk(stack, u.key) };
  };

  beforeAll(async () => {
    restoreStdout = captureEmf();
    routerUrl = `http://127.0.0.1:${await freePort()}`;
    process.env.MORPHEUS_ROUTER_URL = routerUrl;
    stack = await startTestStack();
  }, 30_000);
  afterAll(async () => {
    await stack.stop();
    restoreStdout();
    restoreEnv();
  });

  it.each(OPEN_PATHS)('%s → 502 upstream_unreachable, counted, no lease left', async (_path, open) => {
    const { keyId, client } = await newUser();
    for (const attempt of [1, 2]) {
      const started = Date.now();
      const { err, lines } = await failingCall(() => open(client));
      expect({ attempt, status: err.status, error: err.error }).toEqual({
        attempt,
        status: 502,
        error: {
          message: 'Could not open a model session: could not reach the model upstream',
          type: 'upstream_error',
          param: null,
          code: 'upstream_unreachable',
        },
      });
      // A lease left by the first attempt would hold the second for the lease's life.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(JSON.stringify(err.error)).not.toContain(ROUTER_PASSWORD);
      expect(JSON.stringify(err.error)).not.toContain(routerUrl);
      expect(sessionFailureLines(lines)).toEqual([
        expect.objectContaining({ Backend: 'morpheus', ErrorType: 'connection', SessionCreationFailures: 1 }),
      ]);
      expect(await sessionItem(keyId)).toBeUndefined();
    }
  });

  it('streaming: a JSON 502 before any SSE byte', async () => {
    const { key } = await newUser();
    const { status, contentType, text } = await rawStreamFailure(stack, key);
    expect(status).toBe(502);
    expect(contentType).toBe('application/json');
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'upstream_unreachable', type: 'upstream_error' },
    });
  });
});
