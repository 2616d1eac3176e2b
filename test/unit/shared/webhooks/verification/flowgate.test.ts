import { verifyFlowgate } from '../../../../../shared/webhooks/verification/flowgate';
import { verifyWebhook, webhookHandshake } from '../../../../../shared/webhooks/verification/verify-webhook';
import { signBody } from '../../../../../shared/webhooks/webhook-secrets';
import { githubHeaders, slackHeaders, unixNow } from '../../../../support/webhook-signers';
import { callOf, invalid, thrown } from './verification-kit';

const SECRET = 'whsec_flowgate-0123456789abcdef';
const BODY = '{"order":42}';

describe('Flowgate verification and the dispatch', () => {
  it('keeps X-Flowgate-Signature as it was', () => {
    expect(
      thrown(() => verifyFlowgate(SECRET, callOf({ 'X-Flowgate-Signature': signBody(SECRET, BODY) }, BODY))),
    ).toBeUndefined();
    expect(
      thrown(() => verifyFlowgate(SECRET, callOf({ 'X-Flowgate-Signature': signBody(SECRET, '{}') }, BODY))),
    ).toMatchObject(invalid('X-Flowgate-Signature header'));
    expect(thrown(() => verifyFlowgate(SECRET, callOf({}, BODY)))).toMatchObject(
      invalid('X-Flowgate-Signature'),
    );
  });

  it("dispatches to the mode's scheme, and only that one", () => {
    const github = callOf(githubHeaders(SECRET, BODY), BODY);
    expect(thrown(() => verifyWebhook({ mode: 'github' }, SECRET, github))).toBeUndefined();
    // The same HMAC under another mode's header is refused: the header is part of the scheme.
    expect(thrown(() => verifyWebhook({ mode: 'flowgate' }, SECRET, github))).toMatchObject(
      invalid('X-Flowgate'),
    );
    expect(thrown(() => verifyWebhook({ mode: 'none' }, undefined, callOf({}, BODY)))).toBeUndefined();
    expect(
      thrown(() =>
        verifyWebhook({ mode: 'header', headerName: 'X-Key' }, SECRET, callOf({ 'x-key': SECRET }, BODY)),
      ),
    ).toBeUndefined();
  });

  it('fails closed (a 500, not a run) when a mode with a secret has none', () => {
    expect(thrown(() => verifyWebhook({ mode: 'github' }, undefined, callOf({}, BODY)))).toMatchObject({
      statusCode: 500,
      expose: false,
    });
  });

  it("answers Slack's url_verification only for slack webhooks", () => {
    const challenge = '{"type":"url_verification","challenge":"abc"}';
    expect(webhookHandshake({ mode: 'slack' }, challenge)).toEqual({ challenge: 'abc' });
    expect(webhookHandshake({ mode: 'github' }, challenge)).toBeUndefined();
    expect(
      thrown(() =>
        verifyWebhook(
          { mode: 'slack' },
          SECRET,
          callOf(slackHeaders(SECRET, unixNow(), challenge), challenge),
        ),
      ),
    ).toBeUndefined();
  });
});
