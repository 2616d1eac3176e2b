import { plaid } from '../../../../../../shared/providers/catalog/finance/plaid';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Plaid's API as documented (plaid.com/docs/api): every call a POST with a JSON body that
 * carries `client_id` and `secret` next to the call's own fields, and errors as
 * `{error_type, error_code, error_message, display_message, request_id}`.
 */
const CREDENTIAL = JSON.stringify({
  environment: 'sandbox',
  client_id: '5f0c0c0c0c0c0c0c0c0c0c0c',
  secret: 'sbx-secret-123',
});
const ACCESS = 'access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6';
let fake: FakeServer;

const plaidError = (error_type: string, error_code: string, error_message: string) => ({
  error_type,
  error_code,
  error_message,
  display_message: null,
  request_id: 'HNTDNrA8F1shFEW',
});

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json')
      return sendJson(
        res,
        400,
        plaidError('INVALID_REQUEST', 'INVALID_BODY', 'body could not be parsed as JSON'),
      );
    const body = jsonBody<Record<string, unknown>>(req);
    if (body.client_id !== '5f0c0c0c0c0c0c0c0c0c0c0c' || body.secret !== 'sbx-secret-123')
      return sendJson(
        res,
        400,
        plaidError('INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided'),
      );
    if (req.path === '/transactions/sync') {
      if (body.access_token !== ACCESS)
        return sendJson(
          res,
          400,
          plaidError(
            'INVALID_INPUT',
            'INVALID_ACCESS_TOKEN',
            'provided access token is in an invalid format',
          ),
        );
      return sendJson(res, 200, {
        added: [{ transaction_id: 'lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje', amount: 72.1, name: 'Uber' }],
        modified: [],
        removed: [],
        next_cursor: 'tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf',
        has_more: false,
        request_id: 'Wvhy9PZHQLV8njG',
      });
    }
    if (req.path === '/link/token/create')
      return sendJson(res, 200, {
        link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
        expiration: '2026-12-03T16:51:21Z',
        request_id: 'XQVgFigpGHXkb0b',
      });
    return sendJson(res, 404, plaidError('INVALID_REQUEST', 'NOT_FOUND', 'not found'));
  });
});
afterAll(() => fake.close());

it('puts client_id and secret in the JSON body next to the call’s fields', async () => {
  const provider = wireProvider(plaid, fake);
  const result = await runAction(
    provider,
    'sync_transactions',
    { access_token: ACCESS, count: 250 },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/transactions/sync' });
  expect(sent.headers.authorization).toBeUndefined();
  expect(jsonBody(sent)).toEqual({
    access_token: ACCESS,
    count: 250,
    client_id: '5f0c0c0c0c0c0c0c0c0c0c0c',
    secret: 'sbx-secret-123',
  });
  expect(result).toMatchObject({
    success: true,
    output: {
      modified: [],
      removed: [],
      next_cursor: 'tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf',
      has_more: false,
    },
    message: 'Synced; has_more: false',
  });
  expect((result.output as { added: { amount: number }[] }).added[0]!.amount).toBe(72.1);
});

it('nests the user id under user for a link token', async () => {
  const provider = wireProvider(plaid, fake);
  const result = await runAction(
    provider,
    'create_link_token',
    {
      client_name: 'Flowgate',
      language: 'en',
      country_codes: ['US'],
      client_user_id: 'user-7',
      products: ['transactions'],
    },
    { credential: CREDENTIAL },
  );
  expect(jsonBody(fake.last())).toMatchObject({
    client_name: 'Flowgate',
    language: 'en',
    country_codes: ['US'],
    user: { client_user_id: 'user-7' },
    products: ['transactions'],
  });
  expect(result).toMatchObject({
    success: true,
    output: { link_token: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176' },
    message: 'Link token expires 2026-12-03T16:51:21Z',
  });
});

it("reports Plaid's error_message", async () => {
  const provider = wireProvider(plaid, fake);
  const wrongKeys = await runAction(
    provider,
    'get_accounts',
    { access_token: ACCESS },
    { credential: JSON.stringify({ environment: 'sandbox', client_id: 'x', secret: 'y' }) },
  );
  expect(wrongKeys).toMatchObject({
    success: false,
    message: 'Plaid responded 400: invalid client_id or secret provided',
  });
  const badToken = await runAction(
    provider,
    'sync_transactions',
    { access_token: 'access-sandbox-0000' },
    { credential: CREDENTIAL },
  );
  expect(badToken).toMatchObject({
    success: false,
    message: 'Plaid responded 400: provided access token is in an invalid format',
  });
});
