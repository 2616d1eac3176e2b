import { finnhub } from '../../../../../../shared/providers/catalog/finance/finnhub';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Finnhub's REST API as documented (finnhub.io/docs/api): the key in `X-Finnhub-Token` (or a
 * `token` query parameter), GET endpoints under /api/v1 with query params, terse quote fields
 * (c, d, dp, h, l, o, pc, t), and `{"error": "…"}` on a refusal.
 */
const KEY = 'c0ffee0123456789finnhub';
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    const token = req.headers['x-finnhub-token'] ?? req.query.get('token');
    if (token !== KEY) return sendJson(res, 401, { error: 'Invalid API key' });
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Method not allowed' });
    if (req.path === '/api/v1/quote') {
      if (!req.query.get('symbol')) return sendJson(res, 422, { error: 'Wrong symbol' });
      return sendJson(res, 200, {
        c: 261.74,
        d: 3.02,
        dp: 1.1673,
        h: 263.31,
        l: 260.68,
        o: 261.07,
        pc: 258.72,
        t: 1764777600,
      });
    }
    if (req.path === '/api/v1/stock/metric') {
      if (req.query.get('metric') !== 'all') return sendJson(res, 422, { error: 'Wrong metric' });
      return sendJson(res, 200, {
        symbol: req.query.get('symbol'),
        metric: { '52WeekHigh': 265.5 },
        series: {},
      });
    }
    if (req.path === '/api/v1/stock/profile2')
      return sendJson(res, 403, { error: "You don't have access to this resource." });
    return sendJson(res, 404, { error: 'Not found' });
  });
});
afterAll(() => fake.close());

it('reads a quote with the token header and names its fields', async () => {
  const provider = wireProvider(finnhub, fake);
  const result = await runAction(provider, 'quote', { symbol: 'AAPL' }, { credential: KEY });
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'GET', path: '/api/v1/quote', rawQuery: 'symbol=AAPL' });
  expect(sent.headers['x-finnhub-token']).toBe(KEY);
  expect(result).toEqual({
    success: true,
    output: {
      current: 261.74,
      change: 3.02,
      percent_change: 1.1673,
      high: 263.31,
      low: 260.68,
      open: 261.07,
      previous_close: 258.72,
      timestamp: 1764777600,
    },
    message: 'Price 261.74 (1.1673%)',
  });
});

it('asks for all basic financials', async () => {
  const provider = wireProvider(finnhub, fake);
  const result = await runAction(provider, 'basic_financials', { symbol: 'MSFT' }, { credential: KEY });
  expect(fake.last().rawQuery).toBe('metric=all&symbol=MSFT');
  expect(result).toMatchObject({
    success: true,
    output: { symbol: 'MSFT', metric: { '52WeekHigh': 265.5 } },
  });
});

it("reports Finnhub's error", async () => {
  const provider = wireProvider(finnhub, fake);
  const denied = await runAction(provider, 'quote', { symbol: 'AAPL' }, { credential: 'wrong-key' });
  expect(denied).toMatchObject({ success: false, message: 'Finnhub responded 401: Invalid API key' });
  const premium = await runAction(provider, 'company_profile', { symbol: 'AAPL' }, { credential: KEY });
  expect(premium).toMatchObject({
    success: false,
    message: "Finnhub responded 403: You don't have access to this resource.",
  });
});
