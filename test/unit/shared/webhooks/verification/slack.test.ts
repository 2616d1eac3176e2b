import { slackChallenge, verifySlack } from '../../../../../shared/webhooks/verification/slack';
import { slackHeaders } from '../../../../support/webhook-signers';
import { callOf, invalid, thrown } from './verification-kit';

// Slack's worked example ("Verifying requests from Slack"): a slash command.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = 1531420618;
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const DOC_HEADERS = {
  'X-Slack-Request-Timestamp': String(DOC_TIMESTAMP),
  'X-Slack-Signature': DOC_SIGNATURE,
};

const at = (seconds: number) => new Date(seconds * 1000);
const verify = (
  headers: Record<string, string>,
  body = DOC_BODY,
  now = at(DOC_TIMESTAMP + 5),
  secret = DOC_SECRET,
) => thrown(() => verifySlack(secret, callOf(headers, body, now)));
const EXPECTED = 'X-Slack-Signature and X-Slack-Request-Timestamp';

describe('Slack verification (X-Slack-Signature)', () => {
  it("accepts Slack's documented example", () => {
    expect(slackHeaders(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)['X-Slack-Signature']).toBe(DOC_SIGNATURE);
    expect(verify(DOC_HEADERS)).toBeUndefined();
  });

  it.each([
    ['a tampered body', DOC_HEADERS, DOC_BODY.replace('foobar', 'foobaz'), DOC_SECRET],
    ['the wrong secret', DOC_HEADERS, DOC_BODY, '8f742231b10e8888abcd99yyyzzz85a6'],
    ['no signature', { 'X-Slack-Request-Timestamp': String(DOC_TIMESTAMP) }, DOC_BODY, DOC_SECRET],
    ['no timestamp', { 'X-Slack-Signature': DOC_SIGNATURE }, DOC_BODY, DOC_SECRET],
    [
      'a changed timestamp',
      { ...DOC_HEADERS, 'X-Slack-Request-Timestamp': String(DOC_TIMESTAMP + 1) },
      DOC_BODY,
      DOC_SECRET,
    ],
    [
      'a timestamp that is not Unix seconds',
      { ...DOC_HEADERS, 'X-Slack-Request-Timestamp': '1531420618.0' },
      DOC_BODY,
      DOC_SECRET,
    ],
    [
      'another version',
      { ...DOC_HEADERS, 'X-Slack-Signature': DOC_SIGNATURE.replace('v0=', 'v1=') },
      DOC_BODY,
      DOC_SECRET,
    ],
  ])('refuses %s as invalid_signature', (_name, headers, body, secret) => {
    const err = verify(headers, body, at(DOC_TIMESTAMP + 5), secret);
    expect(err).toMatchObject(invalid(EXPECTED));
    expect(err!.message).not.toContain(DOC_SECRET);
  });

  it('refuses a correctly signed call more than five minutes old or ahead as signature_expired', () => {
    const expired = {
      statusCode: 401,
      code: 'signature_expired',
      message: expect.stringContaining('X-Slack-Request-Timestamp'),
    };
    expect(verify(DOC_HEADERS, DOC_BODY, at(DOC_TIMESTAMP + 301))).toMatchObject(expired);
    expect(verify(DOC_HEADERS, DOC_BODY, at(DOC_TIMESTAMP - 301))).toMatchObject(expired);
    expect(verify(DOC_HEADERS, DOC_BODY, at(DOC_TIMESTAMP + 300))).toBeUndefined();
    expect(verify(DOC_HEADERS, DOC_BODY, at(DOC_TIMESTAMP - 300))).toBeUndefined();
  });

  it("reads Slack's url_verification handshake, and nothing else, as a challenge", () => {
    expect(
      slackChallenge(
        '{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}',
      ),
    ).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    expect(slackChallenge('{"type":"event_callback","event":{"type":"url_verification"}}')).toBeUndefined();
    expect(slackChallenge('{"type":"url_verification","challenge":42}')).toBeUndefined();
    expect(slackChallenge('{"type":"url_verification"')).toBeUndefined();
    expect(slackChallenge(DOC_BODY)).toBeUndefined();
    expect(slackChallenge('')).toBeUndefined();
  });
});
