import { bearerOf, sendJson, startFakeServer, type FakeServer } from './fake-server';

/**
 * Stripe's form-encoded API for customers and PaymentIntents. Like Stripe it remembers
 * idempotency keys: the same key replays the first response (`Idempotent-Replayed: true`).
 */
export async function startStripeFake(secretKey = 'sk_test_fakekey1234567890'): Promise<FakeServer> {
  const replays = new Map<string, { status: number; body: unknown }>();
  let counter = 0;
  return startFakeServer((req, res) => {
    if (bearerOf(req) !== secretKey) {
      return sendJson(res, 401, {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' },
      });
    }
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      return sendJson(res, 400, {
        error: { type: 'invalid_request_error', message: 'Invalid request: form body expected' },
      });
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    const replay = key ? replays.get(key) : undefined;
    if (replay) return sendJson(res, replay.status, replay.body, { 'idempotent-replayed': 'true' });
    const form = new URLSearchParams(req.body);
    const metadata: Record<string, string> = {};
    for (const [name, value] of form) {
      const m = /^metadata\[(.+)\]$/.exec(name);
      if (m) metadata[m[1]!] = value;
    }
    let status = 200;
    let body: unknown;
    if (req.method === 'POST' && req.path === '/v1/customers') {
      body = {
        id: `cus_${++counter}`,
        object: 'customer',
        email: form.get('email'),
        name: form.get('name'),
        metadata,
      };
    } else if (req.method === 'POST' && req.path === '/v1/payment_intents') {
      if (!form.get('amount')) {
        status = 400;
        body = {
          error: {
            type: 'invalid_request_error',
            message: 'Missing required param: amount.',
            param: 'amount',
          },
        };
      } else {
        body = {
          id: `pi_${++counter}`,
          object: 'payment_intent',
          amount: Number(form.get('amount')),
          currency: form.get('currency'),
          customer: form.get('customer'),
          status: 'requires_payment_method',
          metadata,
        };
      }
    } else {
      return sendJson(res, 404, {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${req.method}: ${req.path}).`,
        },
      });
    }
    if (key) replays.set(key, { status, body });
    return sendJson(res, status, body);
  });
}
