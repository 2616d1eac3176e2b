import { verifyBasic } from '../../../../../shared/webhooks/verification/basic';
import { basicHeaders } from '../../../../support/webhook-signers';
import { callOf, invalid, thrown } from './verification-kit';

const USER = 'zapier';
const PASSWORD = 'correct horse battery staple';
const verify = (headers: Record<string, string>) =>
  thrown(() => verifyBasic(USER, PASSWORD, callOf(headers, '{}')));

describe('Basic verification (Authorization: Basic)', () => {
  it('accepts base64(username:password), whatever the case of the scheme name', () => {
    expect(verify(basicHeaders(USER, PASSWORD))).toBeUndefined();
    const encoded = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    expect(verify({ authorization: `basic ${encoded}` })).toBeUndefined();
    expect(
      thrown(() =>
        verifyBasic(
          'ünïcode',
          'pässwörd-0123456789',
          callOf(basicHeaders('ünïcode', 'pässwörd-0123456789'), ''),
        ),
      ),
    ).toBeUndefined();
  });

  it.each([
    ['the wrong password', basicHeaders(USER, `${PASSWORD}!`)],
    ['the wrong user', basicHeaders('zapier2', PASSWORD)],
    ['the password alone', { Authorization: `Basic ${Buffer.from(PASSWORD).toString('base64')}` }],
    ['no header', {}],
    ['a Bearer token', { Authorization: `Bearer ${PASSWORD}` }],
    ['credentials not base64-encoded', { Authorization: `Basic ${USER}:${PASSWORD}` }],
  ])('refuses %s with a 401 that names the header and asks for Basic', (_name, headers) => {
    const err = verify(headers);
    expect(err).toMatchObject(invalid('Authorization header'));
    expect(err!.headers).toEqual({ 'WWW-Authenticate': expect.stringMatching(/^Basic realm=/) });
    expect(err!.message).not.toContain(PASSWORD);
  });
});
