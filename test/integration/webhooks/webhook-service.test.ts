import { randomBytes, randomUUID } from 'node:crypto';
import { LocalKms } from '../../../infra/local/local-kms';
import { createDocumentClient } from '../../../shared/clients/dynamodb';
import { PlanRepository } from '../../../shared/plans/plan-repository';
import { WebhookRepository } from '../../../shared/webhooks/webhook-repository';
import { hashToken, signBody } from '../../../shared/webhooks/webhook-secrets';
import { WebhookService } from '../../../shared/webhooks/webhook-service';

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

async function planWithWebhook(options = { requireSignature: false }) {
  const userId = randomUUID();
  const plan = await plans.create(userId, { name: 'hooked', steps });
  const hook = await service.create(userId, plan.planId, options);
  return { userId, plan, hook, token: hook.url.split('/').pop()! };
}

describe('WebhookService', () => {
  it('reads a call’s webhook and its plan in one request', async () => {
    const { userId, plan, token } = await planWithWebhook();
    expect(token).toContain(`.${userId}.${plan.planId}`);
    sent.length = 0;
    const found = await service.authenticate(token, '{}', undefined);
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
      await expect(service.authenticate(forged, '{}', undefined)).rejects.toMatchObject({
        statusCode: 404,
        code: 'webhook_not_found',
      });
    }
  });

  it('forgets a replaced token, and a deleted plan’s', async () => {
    const { userId, plan, token } = await planWithWebhook();
    const replaced = await service.create(userId, plan.planId, { requireSignature: false });
    await expect(service.authenticate(token, '{}', undefined)).rejects.toMatchObject({ statusCode: 404 });
    const current = replaced.url.split('/').pop()!;
    await expect(service.authenticate(current, '{}', undefined)).resolves.toBeDefined();
    await webhooks.deletePlanWith(userId, plan.planId, hashToken(current));
    await expect(service.authenticate(current, '{}', undefined)).rejects.toMatchObject({ statusCode: 404 });
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
    await expect(service.authenticate(token, '{}', undefined)).resolves.toMatchObject({
      plan: { planId: plan.planId },
    });
    expect(sent).toEqual(['GetItemCommand', 'GetItemCommand']);
  });

  it('checks the signature of a signed webhook', async () => {
    const { hook, token } = await planWithWebhook({ requireSignature: true });
    await expect(service.authenticate(token, '{"a":1}', 'sha256=00')).rejects.toMatchObject({
      statusCode: 401,
    });
    await expect(
      service.authenticate(token, '{"a":1}', signBody(hook.secret!, '{"a":1}')),
    ).resolves.toBeDefined();
  });
});
