import type { KeyManagement } from '../crypto/key-management';
import { BadRequestError } from '../errors';
import type { PlanRecord, PlanRepository } from '../plans/plan-repository';
import { verifyWebhook, webhookHandshake } from './verification/verify-webhook';
import {
  modeHasSecret,
  modeNeedsUserSecret,
  verificationOf,
  verificationView,
} from './verification/verification-modes';
import type { WebhookCall } from './verification/webhook-call';
import { webhookNotFound, type WebhookRecord, type WebhookRepository } from './webhook-repository';
import {
  hashToken,
  newSigningSecret,
  newWebhookToken,
  webhookSecretContext,
  webhookTokenAddress,
} from './webhook-secrets';
import type { WebhookSetup } from './webhook-setup';

export { BadSignatureError } from './verification/verification-errors';

/** Decrypted secrets by ciphertext, so a busy webhook does not cost a KMS call per request. */
const SECRET_CACHE_MAX = 256;

export interface AuthenticatedCall {
  webhook: WebhookRecord;
  plan: PlanRecord;
  /** Set when the call is a sender's handshake (Slack's url_verification): answer it, run nothing. */
  handshake?: { challenge: string };
}

export class WebhookService {
  private readonly secrets = new Map<string, string>();

  constructor(
    private readonly plans: PlanRepository,
    private readonly webhooks: WebhookRepository,
    private readonly kms: () => KeyManagement,
  ) {}

  /**
   * A new token for the plan (replacing any webhook it had) with the setup's verification.
   * The token, and a secret Flowgate generated, are shown only now; a secret the user
   * brought is never shown back (`secret: null`). Either is stored only as KMS ciphertext.
   */
  async create(userId: string, planId: string, setup: WebhookSetup, now = new Date()) {
    const { mode } = setup.verification;
    if (modeNeedsUserSecret(mode) && setup.userSecret === undefined) {
      throw new BadRequestError(
        `A ${mode} webhook needs the secret the sender signs with`,
        'validation_error',
      );
    }
    const plan = await this.plans.require(userId, planId);
    const token = newWebhookToken(userId, planId);
    const tokenHash = hashToken(token);
    const generated = modeHasSecret(mode) && setup.userSecret === undefined ? newSigningSecret() : undefined;
    const secret = modeHasSecret(mode) ? (setup.userSecret ?? generated) : undefined;
    const record: WebhookRecord = {
      tokenHash,
      userId,
      planId,
      createdAt: now.toISOString(),
      verification: setup.verification,
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
    return {
      token,
      url: `/api/webhook/${token}`,
      secret: generated ?? null,
      verification: verificationView(setup.verification),
    };
  }

  async remove(userId: string, planId: string): Promise<void> {
    const plan = await this.plans.require(userId, planId);
    if (!plan.webhookTokenHash) throw webhookNotFound();
    await this.webhooks.detach(userId, planId, plan.webhookTokenHash);
  }

  /**
   * The webhook a call is for and its plan, once the call passes the webhook's verification.
   * An unknown token is a 404 before anything about the call is looked at.
   */
  async authenticate(
    token: string,
    call: Omit<WebhookCall, 'now'>,
    now = new Date(),
  ): Promise<AuthenticatedCall> {
    const found = await this.find(token);
    if (!found) throw webhookNotFound();
    const { webhook } = found;
    const verification = verificationOf(webhook);
    const secret = webhook.secretCiphertext
      ? await this.secretOf(webhook, webhook.secretCiphertext)
      : undefined;
    verifyWebhook(verification, secret, { ...call, now });
    const handshake = webhookHandshake(verification, call.rawBody);
    return handshake ? { ...found, handshake } : found;
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
