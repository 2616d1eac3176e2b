import { vonage } from '../../../../../../shared/providers/catalog/messaging/vonage';
import { sendJson, startFakeServer, type FakeServer } from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * The Vonage SMS API as documented (developer.vonage.com/en/api/sms): POST
 * https://rest.nexmo.com/sms/json with api_key and api_secret among the form fields (from,
 * to, text…); the answer is always 200 {"message-count","messages":[…]} and each message has a
 * status, "0" for accepted, otherwise an error-text ("1" throttled, "4" Bad Credentials…).
 */
const CREDENTIAL = JSON.stringify({ api_key: 'a1b2c3d4', api_secret: 'Secret0123456789' });

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.path !== '/sms/json') return sendJson(res, 404, { title: 'Not Found' });
    const form = new URLSearchParams(req.body);
    const reject = (status: string, text: string) =>
      sendJson(res, 200, { 'message-count': '1', messages: [{ status, 'error-text': text }] });
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return reject('2', 'Missing api_key');
    if (form.get('api_key') !== 'a1b2c3d4' || form.get('api_secret') !== 'Secret0123456789')
      return reject('4', 'Bad Credentials');
    if (form.get('text') === 'flood')
      return reject('1', 'Throughput Rate Exceeded - please wait [ 30 ] and retry');
    return sendJson(res, 200, {
      'message-count': '1',
      messages: [
        {
          to: form.get('to'),
          'message-id': '0A0000000123ABCD1',
          status: '0',
          'remaining-balance': '3.14159265',
          'message-price': '0.03330000',
          network: '23410',
          'client-ref': form.get('client-ref'),
        },
      ],
    });
  });
});
afterAll(() => fake.close());

it('sends the key and secret in the form with the message', async () => {
  const provider = wireProvider(vonage, fake);
  const result = await runAction(
    provider,
    'send_sms',
    { from: 'AcmeInc', to: '447700900000', text: 'Your order shipped', client_ref: 'order-42' },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/sms/json', rawQuery: '' });
  expect(sent.headers.authorization).toBeUndefined();
  expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
    from: 'AcmeInc',
    to: '447700900000',
    text: 'Your order shipped',
    'client-ref': 'order-42',
    api_key: 'a1b2c3d4',
    api_secret: 'Secret0123456789',
  });
  expect(result).toMatchObject({
    success: true,
    output: { message_count: '1', messages: [{ 'message-id': '0A0000000123ABCD1', status: '0' }] },
    message: 'Vonage accepted 1 part(s), first 0A0000000123ABCD1',
  });
});

it('fails on a non-zero status inside the 200', async () => {
  const provider = wireProvider(vonage, fake);
  const bad = await runAction(
    provider,
    'send_sms',
    { from: 'AcmeInc', to: '447700900000', text: 'x' },
    { credential: JSON.stringify({ api_key: 'a1b2c3d4', api_secret: 'wrong' }) },
  );
  expect(bad).toMatchObject({
    success: false,
    message: 'Vonage SMS responded 200 with an error: Bad Credentials',
  });
});

it('retries when Vonage reports throttling (status 1)', async () => {
  const provider = wireProvider(vonage, fake);
  await expect(
    runAction(
      provider,
      'send_sms',
      { from: 'AcmeInc', to: '447700900000', text: 'flood' },
      { credential: CREDENTIAL },
    ),
  ).rejects.toThrow('Vonage SMS answered 1');
});
