import { verifyHeader } from '../../../../../shared/webhooks/verification/header';
import { callOf, invalid, thrown } from './verification-kit';

const VALUE = 'whsec_static-0123456789abcdef';
const verify = (headers: Record<string, string>) =>
  thrown(() => verifyHeader('X-Webhook-Token', VALUE, callOf(headers, '{}')));

describe('Static header verification', () => {
  it('accepts the value in the configured header, whatever the case of its name', () => {
    expect(verify({ 'X-Webhook-Token': VALUE })).toBeUndefined();
    expect(verify({ 'x-webhook-token': VALUE })).toBeUndefined();
  });

  it.each([
    ['the wrong value', { 'X-Webhook-Token': `${VALUE}x` }],
    ['a prefix of the value', { 'X-Webhook-Token': VALUE.slice(0, -1) }],
    ['the value in another header', { 'X-Other-Token': VALUE }],
    ['no header', {}],
    ['an empty value', { 'X-Webhook-Token': '' }],
  ])('refuses %s with a 401 naming the header', (_name, headers) => {
    const err = verify(headers);
    expect(err).toMatchObject(invalid('X-Webhook-Token header'));
    expect(err!.message).not.toContain(VALUE);
  });
});
