import type { KeyManagement } from '../crypto/key-management';
import { AppError } from '../errors';
import type { PlanRecord, PlanRepository } from '../plans/plan-repository';
import { webhookNotFound, type WebhookRecord, type WebhookRepository } from './webhook-repository';
import {
  hashToken,
  newSigningSecret,
  newWebhookToken,
  verifySignature,
  webhookSecretContext,
  webhookTokenAddress,
} from './webhook-secrets';

export class BadSignatureError extends AppError {
  constructor() {
    super(401, 'invalid_signature', 'Missing or invalid X-Flowgate-Signature header');
  }
}

/** Decrypted secrets by ciphertext, so a busy webhook does not cost a KMS call per request. */
const SECRET_CACHE_MAX = 256;

export class WebhookService {
  private readonly secrets = new Map<string, string>();

  constructor(
    private readonly plans: PlanRepository,
    private readonly webhooks: WebhookRepository,
    private readonly kms: () => KeyManagement,
  ) {}

  /** A new token and signing secret for the plan (replacing any it had); both are shown only now. */
  async create(
    userId: string,
    planId: string,
    options: { requireSignature: boolean },
    now = new Date(),
  ): Promise<{ token: string; url: string; secret: string | null }> {
    const plan = await this.plans.require(userId, planId);
    const token = newWebhookToken(userId, planId);
    const tokenHash = hashToken(token);
    const secret = options.requireSignature ? newSigningSecret() : undefined;
    const record: WebhookRecord = {
      tokenHash,
      userId,
      planId,
      createdAt: now.toISOString(),
      ...(secret
        ? {
            secretCiphertext: await this.kms().encrypt(
              secret,
              webhookSecretContext(userId, planId, tokenHash),
            ),
          }
        : {}),
    };
    await this.webhooks.attach(record, plan.webhookTokenHash);
    return { token, url: `/api/webhook/${token}`, secret: secret ?? null };
  }

  async remove(userId: string, planId: string): Promise<void> {
    const plan = await this.plans.require(userId, planId);
    if (!plan.webhookTokenHash) throw webhookNotFound();
    await this.webhooks.detach(userId, planId, plan.webhookTokenHash);
  }

  /** The webhook a call is for and its plan, once its signature (when it has a secret) checks out. */
  async authenticate(
    token: string,
    rawBody: string,
    signature: string | undefined,
  ): Promise<{ webhook: WebhookRecord; plan: PlanRecord }> {
    const found = await this.find(token);
    if (!found) throw webhookNotFound();
    const { webhook } = found;
    if (webhook.secretCiphertext) {
      const secret = await this.secretOf(webhook, webhook.secretCiphertext);
      if (!verifySignature(secret, rawBody, signature)) throw new BadSignatureError();
    }
    return found;
  }

  /** One read for a token that names its plan; two for one minted before tokens did. */
  private async find(token: string): Promise<{ webhook: WebhookRecord; plan: PlanRecord } | undefined> {
    const tokenHash = hashToken(token);
    const address = webhookTokenAddress(token);
    if (address) return this.webhooks.findWithPlan(tokenHash, address);
    const webhook = await this.webhooks.find(tokenHash);
    if (!webhook) return undefined;
    const plan = await this.plans.get(webhook.userId, webhook.planId);
    return plan ? { webhook, plan } : undefined;
  }

  private async secretOf(webhook: WebhookRecord, ciphertext: string): Promise<string> {
    const cached = this.secrets.get(ciphertext);
    if (cached) return cached;
    const secret = await this.kms().decrypt(
      ciphertext,
      webhookSecretContext(webhook.userId, webhook.planId, webhook.tokenHash),
    );
    if (this.secrets.size >= SECRET_CACHE_MAX)
      this.secrets.delete(this.secrets.keys().next().value as string);
    this.secrets.set(ciphertext, secret);
    return secret;
  }
}
