import { verifyGithub } from '../../../../../shared/webhooks/verification/github';
import { githubHeaders } from '../../../../support/webhook-signers';
import { callOf, invalid, thrown } from './verification-kit';

// GitHub's documented test values ("Validating webhook deliveries").
const DOC_SECRET = "It's a Secret to Everybody";
const DOC_PAYLOAD = 'Hello, World!';
const DOC_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('GitHub verification (X-Hub-Signature-256)', () => {
  it("accepts GitHub's documented example, and what GitHub's scheme signs", () => {
    expect(githubHeaders(DOC_SECRET, DOC_PAYLOAD)['X-Hub-Signature-256']).toBe(DOC_SIGNATURE);
    expect(
      thrown(() => verifyGithub(DOC_SECRET, callOf({ 'X-Hub-Signature-256': DOC_SIGNATURE }, DOC_PAYLOAD))),
    ).toBeUndefined();
    const body = '{"action":"opened","number":7}';
    expect(
      thrown(() =>
        verifyGithub('gh-secret-0123456789', callOf(githubHeaders('gh-secret-0123456789', body), body)),
      ),
    ).toBeUndefined();
  });

  it.each([
    ['a tampered body', { 'X-Hub-Signature-256': DOC_SIGNATURE }, 'Hello, World?', DOC_SECRET],
    ['the wrong secret', { 'X-Hub-Signature-256': DOC_SIGNATURE }, DOC_PAYLOAD, "It's a Secret to Nobody"],
    ['no header', {}, DOC_PAYLOAD, DOC_SECRET],
    ['the Flowgate header instead', { 'X-Flowgate-Signature': DOC_SIGNATURE }, DOC_PAYLOAD, DOC_SECRET],
    ['a bare hex digest', { 'X-Hub-Signature-256': DOC_SIGNATURE.slice(7) }, DOC_PAYLOAD, DOC_SECRET],
    [
      'upper-case hex',
      { 'X-Hub-Signature-256': `sha256=${DOC_SIGNATURE.slice(7).toUpperCase()}` },
      DOC_PAYLOAD,
      DOC_SECRET,
    ],
    ['a truncated signature', { 'X-Hub-Signature-256': DOC_SIGNATURE.slice(0, -1) }, DOC_PAYLOAD, DOC_SECRET],
  ])(
    'refuses %s with a 401 naming the header, and no secret in the message',
    (_name, headers, body, secret) => {
      const err = thrown(() => verifyGithub(secret, callOf(headers, body)));
      expect(err).toMatchObject(invalid('X-Hub-Signature-256'));
      expect(err!.message).not.toContain(secret);
    },
  );
});
