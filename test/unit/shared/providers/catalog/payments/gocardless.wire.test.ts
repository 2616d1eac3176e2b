import { gocardless } from '../../../../../../shared/providers/catalog/payments/gocardless';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * GoCardless's API as documented (developer.gocardless.com/api-reference): a bearer access
 * token, the mandatory `GoCardless-Version: 2015-07-06` header, bodies and answers keyed by
 * the resource name ({payments: {...}}), `Idempotency-Key` on creates, cursor pages through
 * `meta.cursors.after`, and `{error: {message, errors: [...], type, code}}` on a refusal.
 */
const TOKEN = 'sandbox_0123456789abcdefghij';
const CREDENTIAL = JSON.stringify({ environment: 'api-sandbox', access_token: TOKEN });
let fake: FakeServer;

const error = (code: number, type: string, message: string, errors: unknown[] = []) => ({
  error: { message, errors, documentation_url: 'https://developer.gocardless.com/api-reference', type, code },
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(
        res,
        401,
        error(401, 'invalid_api_usage', 'Access token not found', [
          { reason: 'access_token_not_found', message: 'Access token not found' },
        ]),
      );
    if (req.headers['gocardless-version'] !== '2015-07-06')
      return sendJson(
        res,
        400,
        error(400, 'invalid_api_usage', 'Version header missing', [
          { reason: 'missing_version_header', message: 'GoCardless-Version header missing' },
        ]),
      );
    if (req.method === 'POST' && req.path === '/payments') {
      const body = jsonBody<{
        payments?: { amount?: number; currency?: string; links?: { mandate?: string } };
      }>(req);
      if (!req.headers['idempotency-key'])
        return sendJson(res, 400, error(400, 'invalid_api_usage', 'Idempotency key required'));
      if (!body.payments?.links?.mandate || !(Number(body.payments.amount) > 0))
        return sendJson(
          res,
          422,
          error(422, 'validation_failed', 'Validation failed', [
            { field: 'amount', message: 'must be greater than 0', request_pointer: '/payments/amount' },
          ]),
        );
      return sendJson(res, 201, {
        payments: {
          id: 'PM000260X9VKF4',
          status: 'pending_submission',
          amount: body.payments.amount,
          currency: body.payments.currency,
          charge_date: '2026-12-10',
          links: { mandate: body.payments.links.mandate },
        },
      });
    }
    if (req.method === 'GET' && req.path === '/payments') {
      if (req.query.get('after') === 'PM2')
        return sendJson(res, 200, {
          payments: [{ id: 'PM3' }],
          meta: { cursors: { before: 'PM3', after: null }, limit: 2 },
        });
      return sendJson(res, 200, {
        payments: [{ id: 'PM1' }, { id: 'PM2' }],
        meta: { cursors: { before: null, after: 'PM2' }, limit: 2 },
      });
    }
    return sendJson(res, 404, error(404, 'invalid_api_usage', 'Resource not found'));
  });
});
afterAll(() => fake.close());

it('creates a payment under payments with the version and idempotency headers', async () => {
  const provider = wireProvider(gocardless, fake);
  const result = await runAction(
    provider,
    'create_payment',
    {
      amount: 1000,
      currency: 'GBP',
      mandate: 'MD0000XH9A3T4C',
      reference: 'INV-1001',
      metadata: { order: '1001' },
    },
    { credential: CREDENTIAL, runId: 'run_9', stepId: 'collect' },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/payments' });
  expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(sent.headers['gocardless-version']).toBe('2015-07-06');
  expect(sent.headers['idempotency-key']).toMatch(/^flowgate-[0-9a-f]{64}$/);
  expect(sent.headers['content-type']).toBe('application/json');
  expect(jsonBody(sent)).toEqual({
    payments: {
      amount: 1000,
      currency: 'GBP',
      links: { mandate: 'MD0000XH9A3T4C' },
      reference: 'INV-1001',
      metadata: { order: '1001' },
    },
  });
  expect(result).toEqual({
    success: true,
    output: { id: 'PM000260X9VKF4', status: 'pending_submission', charge_date: '2026-12-10', amount: 1000 },
    message: 'Payment PM000260X9VKF4: pending_submission',
  });
});

it('follows meta.cursors.after until it is null', async () => {
  const provider = wireProvider(gocardless, fake);
  const result = await runAction(
    provider,
    'list_payments',
    { mandate: 'MD0000XH9A3T4C', limit: 2, max_pages: 5 },
    { credential: CREDENTIAL },
  );
  const pages = fake.requests.filter((r) => r.method === 'GET' && r.path === '/payments').slice(-2);
  expect(pages[0]!.rawQuery).toBe('mandate=MD0000XH9A3T4C&limit=2');
  expect(pages[1]!.rawQuery).toBe('mandate=MD0000XH9A3T4C&limit=2&after=PM2');
  expect(result).toMatchObject({ success: true, output: { pages: 2, has_more: false } });
  expect((result.output as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([
    'PM1',
    'PM2',
    'PM3',
  ]);
});

it("reports GoCardless's first error message", async () => {
  const provider = wireProvider(gocardless, fake);
  fake.respondNext({
    status: 422,
    body: error(422, 'validation_failed', 'Validation failed', [
      { field: 'charge_date', message: "must be on or after mandate's next_possible_charge_date" },
    ]),
  });
  const late = await runAction(
    provider,
    'create_payment',
    { amount: 1, currency: 'GBP', mandate: 'MDX', charge_date: '2020-01-01' },
    { credential: CREDENTIAL },
  );
  expect(late).toMatchObject({
    success: false,
    message: "GoCardless responded 422: must be on or after mandate's next_possible_charge_date",
  });
  const denied = await runAction(
    provider,
    'get_payment',
    { payment_id: 'PM123' },
    { credential: JSON.stringify({ environment: 'api-sandbox', access_token: 'wrong' }) },
  );
  expect(denied).toMatchObject({
    success: false,
    message: 'GoCardless responded 401: Access token not found',
  });
});
