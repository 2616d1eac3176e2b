import { randomBytes, randomUUID } from 'node:crypto';
import { LocalKms } from '../../../infra/local/local-kms';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { PlanRepository } from '../../../shared/plans/plan-repository';
import { WebhookRepository } from '../../../shared/webhooks/webhook-repository';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { hashToken, signBody } from '../../../shared/webhooks/webhook-secrets';
import { WebhookService } from '../../../shared/webhooks/webhook-service';
import type { WebhookSetup } from '../../../shared/webhooks/webhook-setup';
import {
  basicHeaders,
  githubHeaders,
  lowerCased,
  slackHeaders,
  stripeHeaders,
  unixNow,
} from '../../support/webhook-signers';

/** The table client, counting the commands sent through it. */
function countingDeps() {
  const client = createDocumentClient();
  const sent: string[] = [];
  client.middlewareStack.add((next, context) => async (args) => {
    sent.push(String(context.commandName));
    return next(args);
  });
  return { deps: { client, tableName: process.env.TABLE_NAME as string }, sent };
}

const { deps, sent } = countingDeps();
const plans = new PlanRepository(deps);
const webhooks = new WebhookRepository(deps);
const kms = LocalKms.inMemory();
const service = new WebhookService(plans, webhooks, () => kms);
const steps = [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }];

afterAll(() => deps.client.destroy());

const UNSIGNED: WebhookSetup = { verification: { mode: 'none' } };

async function planWithWebhook(setup: WebhookSetup = UNSIGNED) {
  const userId = randomUUID();
  const plan = await plans.create(userId, { name: 'hooked', steps });
  const hook = await service.create(userId, plan.planId, setup);
  return { userId, plan, hook, token: hook.url.split('/').pop()! };
}

/** A call as the trigger handler hands it on: header names lower-cased. */
const call = (rawBody: string, headers: Record<string, string> = {}) => ({
  rawBody,
  headers: lowerCased(headers),
});

const storedItem = async (token: string) =>
  (
    await deps.client.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: { PK: `WEBHOOK#${hashToken(token)}`, SK: 'WEBHOOK' },
      }),
    )
  ).Item!;

describe('WebhookService', () => {
  it('reads a call’s webhook and its plan in one request', async () => {
    const { userId, plan, token } = await planWithWebhook();
    expect(token).toContain(`.${userId}.${plan.planId}`);
    sent.length = 0;
    const found = await service.authenticate(token, call('{}'));
    expect(sent).toEqual(['BatchGetItemCommand']);
    expect(found.plan).toMatchObject({ planId: plan.planId, userId, steps });
    expect(found.webhook).toMatchObject({ planId: plan.planId, userId });
  });

  it('refuses a token whose address was changed to another plan, even one with a webhook of its own', async () => {
    const mine = await planWithWebhook();
    const theirs = await planWithWebhook();
    const random = mine.token.split('.')[0];
    for (const forged of [
      `${random}.${theirs.userId}.${theirs.plan.planId}`,
      `${random}.${mine.userId}.${theirs.plan.planId}`,
      `${theirs.token.split('.')[0]}.${mine.userId}.${mine.plan.planId}`,
    ]) {
      await expect(service.authenticate(forged, call('{}'))).rejects.toMatchObject({
        statusCode: 404,
        code: 'webhook_not_found',
      });
    }
  });

  it('forgets a replaced token, and a deleted plan’s', async () => {
    const { userId, plan, token } = await planWithWebhook();
    const replaced = await service.create(userId, plan.planId, UNSIGNED);
    await expect(service.authenticate(token, call('{}'))).rejects.toMatchObject({ statusCode: 404 });
    const current = replaced.url.split('/').pop()!;
    await expect(service.authenticate(current, call('{}'))).resolves.toBeDefined();
    await webhooks.deletePlanWith(userId, plan.planId, hashToken(current));
    await expect(service.authenticate(current, call('{}'))).rejects.toMatchObject({ statusCode: 404 });
  });

  it('still takes a token minted before tokens named their plan (two reads)', async () => {
    const userId = randomUUID();
    const plan = await plans.create(userId, { name: 'older', steps });
    const token = `wh_${randomBytes(32).toString('base64url')}`;
    await webhooks.attach(
      { tokenHash: hashToken(token), userId, planId: plan.planId, createdAt: new Date().toISOString() },
      undefined,
    );
    sent.length = 0;
    await expect(service.authenticate(token, call('{}'))).resolves.toMatchObject({
      plan: { planId: plan.planId },
    });
    expect(sent).toEqual(['GetItemCommand', 'GetItemCommand']);
  });

  it('checks the signature of a signed webhook', async () => {
    const { hook, token } = await planWithWebhook({ verification: { mode: 'flowgate' } });
    expect(hook.verification).toEqual({ mode: 'flowgate' });
    await expect(
      service.authenticate(token, call('{"a":1}', { 'X-Flowgate-Signature': 'sha256=00' })),
    ).rejects.toMatchObject({ statusCode: 401 });
    await expect(
      service.authenticate(
        token,
        call('{"a":1}', { 'X-Flowgate-Signature': signBody(hook.secret!, '{"a":1}') }),
      ),
    ).resolves.toBeDefined();
  });

  describe('verification modes', () => {
    const body = '{"event":"push","id":7}';
    const GITHUB_SECRET = "It's a Secret to Everybody";
    const STRIPE_SECRET = 'whsec_integration0123456789abcdef';
    const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

    it('stores every secret, the ones users bring included, only as KMS ciphertext bound to the webhook', async () => {
      const brought = [
        { verification: { mode: 'github' }, userSecret: GITHUB_SECRET },
        { verification: { mode: 'stripe', toleranceSeconds: 300 }, userSecret: STRIPE_SECRET },
        { verification: { mode: 'slack' }, userSecret: SLACK_SECRET },
        { verification: { mode: 'basic', username: 'zapier' }, userSecret: 'zapier-password-0123' },
        { verification: { mode: 'header', headerName: 'X-Hook-Key' }, userSecret: 'header-value-0123456' },
      ] as WebhookSetup[];
      for (const setup of brought) {
        const { userId, plan, hook, token } = await planWithWebhook(setup);
        expect(hook.secret).toBeNull();
        const item = await storedItem(token);
        expect(JSON.stringify(item)).not.toContain(setup.userSecret!);
        expect(item.verification).toEqual(setup.verification);
        const context = {
          userId,
          purpose: 'webhook-signing',
          planId: plan.planId,
          webhook: hashToken(token),
        };
        await expect(kms.decrypt(item.secretCiphertext as string, context)).resolves.toBe(setup.userSecret);
      }
      const none = await planWithWebhook(UNSIGNED);
      expect((await storedItem(none.token)).secretCiphertext).toBeUndefined();
    });

    it('github: a supplied secret (GitHub’s documented one) or a generated one, shown once', async () => {
      const supplied = await planWithWebhook({ verification: { mode: 'github' }, userSecret: GITHUB_SECRET });
      expect(supplied.hook).toMatchObject({ secret: null, verification: { mode: 'github' } });
      await expect(
        service.authenticate(
          supplied.token,
          call('Hello, World!', githubHeaders(GITHUB_SECRET, 'Hello, World!')),
        ),
      ).resolves.toMatchObject({ plan: { planId: supplied.plan.planId } });
      await expect(
        service.authenticate(supplied.token, call(body, githubHeaders(GITHUB_SECRET, '{}'))),
      ).rejects.toMatchObject({ statusCode: 401, code: 'invalid_signature' });

      const generated = await planWithWebhook({ verification: { mode: 'github' } });
      expect(generated.hook.secret).toMatch(/^whsec_/);
      await expect(
        service.authenticate(generated.token, call(body, githubHeaders(generated.hook.secret!, body))),
      ).resolves.toBeDefined();
      await expect(service.authenticate(generated.token, call(body))).rejects.toMatchObject({
        statusCode: 401,
        message: expect.stringContaining('X-Hub-Signature-256'),
      });
    });

    it('stripe: any v1 within the webhook’s tolerance; a replay outside it is signature_expired', async () => {
      const { hook, token } = await planWithWebhook({
        verification: { mode: 'stripe', toleranceSeconds: 60 },
        userSecret: STRIPE_SECRET,
      });
      expect(hook).toMatchObject({ secret: null, verification: { mode: 'stripe', tolerance_seconds: 60 } });
      const t = unixNow();
      await expect(
        service.authenticate(
          token,
          call(body, stripeHeaders(STRIPE_SECRET, t, body, `,v1=${'0'.repeat(64)}`)),
        ),
      ).resolves.toBeDefined();
      await expect(
        service.authenticate(token, call(body, stripeHeaders(STRIPE_SECRET, t - 61, body))),
      ).rejects.toMatchObject({ statusCode: 401, code: 'signature_expired' });
      await expect(
        service.authenticate(token, call(body, stripeHeaders('whsec_other0123456789abcdef', t, body))),
      ).rejects.toMatchObject({ statusCode: 401, code: 'invalid_signature' });
    });

    it('slack: verifies, and hands back the url_verification challenge instead of a run', async () => {
      const { hook, token } = await planWithWebhook({
        verification: { mode: 'slack' },
        userSecret: SLACK_SECRET,
      });
      expect(hook).toMatchObject({ secret: null, verification: { mode: 'slack' } });
      const ts = unixNow();
      const event = await service.authenticate(token, call(body, slackHeaders(SLACK_SECRET, ts, body)));
      expect(event.handshake).toBeUndefined();
      const challenge = '{"token":"t","challenge":"c-123","type":"url_verification"}';
      await expect(
        service.authenticate(token, call(challenge, slackHeaders(SLACK_SECRET, ts, challenge))),
      ).resolves.toMatchObject({ handshake: { challenge: 'c-123' } });
      // Unsigned, the challenge is refused like any other call.
      await expect(service.authenticate(token, call(challenge))).rejects.toMatchObject({ statusCode: 401 });
      await expect(
        service.authenticate(token, call(body, slackHeaders(SLACK_SECRET, ts - 301, body))),
      ).rejects.toMatchObject({ statusCode: 401, code: 'signature_expired' });
    });

    it('basic: the user’s password, or a generated one shown once', async () => {
      const supplied = await planWithWebhook({
        verification: { mode: 'basic', username: 'zapier' },
        userSecret: 'zapier-password-0123',
      });
      expect(supplied.hook).toMatchObject({
        secret: null,
        verification: { mode: 'basic', username: 'zapier' },
      });
      await expect(
        service.authenticate(supplied.token, call(body, basicHeaders('zapier', 'zapier-password-0123'))),
      ).resolves.toBeDefined();
      await expect(
        service.authenticate(supplied.token, call(body, basicHeaders('zapier', 'zapier-password-0124'))),
      ).rejects.toMatchObject({ statusCode: 401, headers: { 'WWW-Authenticate': expect.any(String) } });

      const generated = await planWithWebhook({ verification: { mode: 'basic', username: 'ci' } });
      expect(generated.hook.secret).toMatch(/^whsec_/);
      await expect(
        service.authenticate(generated.token, call(body, basicHeaders('ci', generated.hook.secret!))),
      ).resolves.toBeDefined();
    });

    it('header: a static value in the named header, supplied or generated', async () => {
      const generated = await planWithWebhook({ verification: { mode: 'header', headerName: 'X-Hook-Key' } });
      expect(generated.hook).toMatchObject({ verification: { mode: 'header', header_name: 'X-Hook-Key' } });
      await expect(
        service.authenticate(generated.token, call(body, { 'X-Hook-Key': generated.hook.secret! })),
      ).resolves.toBeDefined();
      await expect(
        service.authenticate(generated.token, call(body, { 'X-Hook-Key': 'whsec_guess' })),
      ).rejects.toMatchObject({ statusCode: 401, message: 'Missing or invalid X-Hook-Key header' });
    });

    it('decrypts a webhook’s secret once, then serves calls from the cache', async () => {
      const counting = LocalKms.inMemory();
      const decrypt = jest.spyOn(counting, 'decrypt');
      const cached = new WebhookService(plans, webhooks, () => counting);
      const userId = randomUUID();
      const plan = await plans.create(userId, { name: 'busy', steps });
      const hook = await cached.create(userId, plan.planId, { verification: { mode: 'github' } });
      const token = hook.url.split('/').pop()!;
      for (let i = 0; i < 3; i++)
        await cached.authenticate(token, call(body, githubHeaders(hook.secret!, body)));
      expect(decrypt).toHaveBeenCalledTimes(1);
    });

    it('refuses a stripe or slack webhook without the sender’s secret', async () => {
      const userId = randomUUID();
      const plan = await plans.create(userId, { name: 'no secret', steps });
      await expect(
        service.create(userId, plan.planId, { verification: { mode: 'slack' } }),
      ).rejects.toMatchObject({ statusCode: 400 });
    });

    it('answers an unknown token 404 before looking at any signature', async () => {
      const { token } = await planWithWebhook({ verification: { mode: 'slack' }, userSecret: SLACK_SECRET });
      const unknown = `wh_${randomBytes(32).toString('base64url')}.${token.split('.').slice(1).join('.')}`;
      await expect(service.authenticate(unknown, call(body))).rejects.toMatchObject({ statusCode: 404 });
    });

    it('keeps webhooks created before modes: flowgate when they have a secret', async () => {
      const userId = randomUUID();
      const plan = await plans.create(userId, { name: 'legacy signed', steps });
      const token = `wh_${randomBytes(32).toString('base64url')}`;
      const tokenHash = hashToken(token);
      const secret = 'whsec_legacy0123456789abcdef';
      const secretCiphertext = await kms.encrypt(secret, {
        userId,
        purpose: 'webhook-signing',
        planId: plan.planId,
        webhook: tokenHash,
      });
      await webhooks.attach(
        { tokenHash, userId, planId: plan.planId, secretCiphertext, createdAt: new Date().toISOString() },
        undefined,
      );
      await expect(service.authenticate(token, call(body))).rejects.toMatchObject({
        code: 'invalid_signature',
      });
      await expect(
        service.authenticate(token, call(body, { 'X-Flowgate-Signature': signBody(secret, body) })),
      ).resolves.toBeDefined();
    });
  });
});
