import { createHmac } from 'node:crypto';
import {
  hashToken,
  newSigningSecret,
  isWebhookToken,
  newWebhookToken,
  signBody,
  verifySignature,
  webhookTokenAddress,
} from '../../../../shared/webhooks/webhook-secrets';
import { newSortableId } from '../../../../shared/runs/sortable-id';
import { webhookTriggerBody } from '../../../../shared/webhooks/webhook-trigger';

describe('webhook secrets', () => {
  it('reads the plan address out of a token, and accepts tokens minted before it had one', () => {
    const planId = newSortableId('plan');
    const token = newWebhookToken('u-1', planId);
    expect(isWebhookToken(token)).toBe(true);
    expect(webhookTokenAddress(token)).toEqual({ userId: 'u-1', planId });
    const older = `wh_${'x'.repeat(43)}`;
    expect(isWebhookToken(older)).toBe(true);
    expect(webhookTokenAddress(older)).toBeUndefined();
    for (const bad of [
      `${token}.`,
      `${older}.u-1`,
      `${older}.u.1.${planId}`,
      `${older}.u-1.trace_x`,
      token.slice(1),
    ])
      expect([bad, isWebhookToken(bad)]).toEqual([bad, false]);
  });

  it('makes unguessable tokens and secrets, and stores only a hash of the token', () => {
    const planId = newSortableId('plan');
    const a = newWebhookToken('4f0c6a52-5d5e-4b7e-9a55-0f4c2b7d9e11', planId);
    expect(a).toMatch(/^wh_[A-Za-z0-9_-]{43}\.4f0c6a52-5d5e-4b7e-9a55-0f4c2b7d9e11\.plan_[0-9a-z]{29}$/);
    expect(newWebhookToken('4f0c6a52-5d5e-4b7e-9a55-0f4c2b7d9e11', planId)).not.toBe(a);
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a.slice(3));
  });

  it('signs as sha256=<hex HMAC of the raw body>', () => {
    const body = '{"a":1}';
    expect(signBody('s3cret', body)).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`,
    );
  });

  it.each([
    ['the right signature', (s: string) => s, true],
    ['surrounding spaces', (s: string) => ` ${s} `, true],
    ['no header', () => undefined, false],
    ['a truncated signature', (s: string) => s.slice(0, -1), false],
    ['one changed hex digit', (s: string) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0'), false],
    ['a bare hex digest', (s: string) => s.replace('sha256=', ''), false],
    ['another algorithm', (s: string) => s.replace('sha256=', 'sha1='), false],
    ['upper-case hex', (s: string) => `sha256=${s.slice(7).toUpperCase()}`, false],
  ])('verifies %s', (_name, mutate, expected) => {
    const body = '{"event":"x"}';
    expect(verifySignature('secret', body, mutate(signBody('secret', body)) as string | undefined)).toBe(
      expected,
    );
  });

  it('parses a webhook body as JSON when it is JSON, text otherwise', () => {
    expect(webhookTriggerBody('', 'application/json')).toBeUndefined();
    expect(webhookTriggerBody('{"a":1}', undefined)).toEqual({ a: 1 });
    expect(webhookTriggerBody('[1]', 'text/plain')).toEqual([1]);
    expect(webhookTriggerBody('{oops', 'application/json')).toBe('{oops');
    expect(webhookTriggerBody('a=1&b=2', 'application/x-www-form-urlencoded')).toBe('a=1&b=2');
  });
});
