import { createStripeProvider, stripe, STRIPE_API_BASE_URL } from '../../../../../shared/providers/stripe';
import { idempotencyKey, formEncode } from '../../../../../shared/providers/form-encoding';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import type { FakeServer } from '../../../../support/fakes/fake-server';
import { startStripeFake } from '../../../../support/fakes/stripe-fake';
import { runAction } from '../../../../support/fakes/provider-context';

const KEY = 'sk_test_fakekey1234567890';
let fake: FakeServer;
let provider: ProviderDefinition;
beforeAll(async () => {
  fake = await startStripeFake(KEY);
  provider = createStripeProvider({ apiBaseUrl: fake.url });
});
afterAll(() => fake.close());

it('talks to api.stripe.com in production', () => {
  expect(STRIPE_API_BASE_URL).toBe('https://api.stripe.com');
  expect(stripe).toMatchObject({ name: 'stripe', credentialType: 'api_key' });
});

describe('formEncode', () => {
  it.each([
    [{ amount: 500, currency: 'eur' }, 'amount=500&currency=eur'],
    [{ metadata: { order: '7', 'a b': 'c&d' } }, 'metadata%5Border%5D=7&metadata%5Ba+b%5D=c%26d'],
    [
      { payment_method_types: ['card', 'sepa_debit'] },
      'payment_method_types%5B0%5D=card&payment_method_types%5B1%5D=sepa_debit',
    ],
    [{ a: undefined, b: null, c: true }, 'c=true'],
  ])('encodes %p', (input, expected) => {
    expect(formEncode(input)).toBe(expected);
  });
});

describe('idempotencyKey', () => {
  it('is stable per run and step, and differs otherwise', () => {
    expect(idempotencyKey('run_1', 'charge')).toBe(idempotencyKey('run_1', 'charge'));
    expect(idempotencyKey('run_1', 'charge')).not.toBe(idempotencyKey('run_2', 'charge'));
    expect(idempotencyKey('run_1', 'charge')).not.toBe(idempotencyKey('run_1', 'charge2'));
    // No ambiguity from concatenation: ("run_1a", "b") is not ("run_1", "ab").
    expect(idempotencyKey('run_1a', 'b')).not.toBe(idempotencyKey('run_1', 'ab'));
    expect(idempotencyKey('r', 's')).toMatch(/^flowgate-[0-9a-f]{64}$/);
  });
});

describe('stripe.create_payment_intent', () => {
  it('sends a form-encoded body with the key and an idempotency key from run and step', async () => {
    const result = await runAction(
      provider,
      'create_payment_intent',
      { amount: 1999, currency: 'EUR', customer: 'cus_1', metadata: { order_id: 'A-7' } },
      { credential: KEY, runId: 'run_abc', stepId: 'charge' },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(req.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': idempotencyKey('run_abc', 'charge'),
    });
    expect(req.body).toBe('amount=1999&currency=eur&customer=cus_1&metadata%5Border_id%5D=A-7');
    expect(result).toMatchObject({
      success: true,
      output: { object: 'payment_intent', amount: 1999, currency: 'eur', metadata: { order_id: 'A-7' } },
    });
    expect(result.message).toMatch(/^Stripe payment_intent pi_\d+ created$/);
  });

  it('replays instead of charging twice when the same step is retried', async () => {
    const ctx = { credential: KEY, runId: 'run_retry', stepId: 'charge' };
    const first = await runAction(provider, 'create_payment_intent', { amount: 500, currency: 'usd' }, ctx);
    const second = await runAction(provider, 'create_payment_intent', { amount: 500, currency: 'usd' }, ctx);
    expect(second.output).toEqual(first.output);
  });

  it("reports Stripe's error object", async () => {
    fake.respondNext({
      status: 402,
      body: { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
    });
    const result = await runAction(
      provider,
      'create_payment_intent',
      { amount: 5, currency: 'usd' },
      { credential: KEY },
    );
    expect(result).toMatchObject({
      success: false,
      message: 'Stripe responded 402: Your card was declined.',
    });
    const badKey = await runAction(provider, 'create_customer', {}, { credential: 'sk_test_wrong' });
    expect(badKey.message).toMatch(/^Stripe responded 401: Invalid API Key/);
  });
});

describe('stripe.create_customer', () => {
  it('creates a customer', async () => {
    const result = await runAction(
      provider,
      'create_customer',
      { email: 'ada@example.test', name: 'Ada' },
      { credential: KEY },
    );
    expect(fake.last()).toMatchObject({ path: '/v1/customers', body: 'email=ada%40example.test&name=Ada' });
    expect(result.output).toMatchObject({ object: 'customer', email: 'ada@example.test', name: 'Ada' });
  });

  it('needs the secret key', async () => {
    await expect(runAction(provider, 'create_customer', {})).rejects.toThrow(
      'No secret key stored for provider stripe',
    );
  });
});
