import type * as z from 'zod';
import type { CreateWebhookBody } from './webhook-schemas';
import type { WebhookVerification } from './verification/verification-modes';

/** What a new webhook is created with: its verification, and the secret the user brought, if any. */
export interface WebhookSetup {
  verification: WebhookVerification;
  /** Left out where Flowgate generates the secret (or the mode has none). */
  userSecret?: string;
}

const withSecret = (verification: WebhookVerification, secret: string | undefined): WebhookSetup =>
  secret === undefined ? { verification } : { verification, userSecret: secret };

/** The create body, `require_signature` (the older spelling) included, as a setup. */
export function webhookSetup(body: z.infer<typeof CreateWebhookBody>): WebhookSetup {
  const v = body.verification;
  if (v === undefined)
    return { verification: { mode: body.require_signature === false ? 'none' : 'flowgate' } };
  switch (v.mode) {
    case 'none':
    case 'flowgate':
    case 'slack':
    case 'github':
      return withSecret({ mode: v.mode }, 'secret' in v ? v.secret : undefined);
    case 'stripe':
      return withSecret({ mode: 'stripe', toleranceSeconds: v.tolerance_seconds }, v.secret);
    case 'basic':
      return withSecret({ mode: 'basic', username: v.username }, v.password);
    case 'header':
      return withSecret({ mode: 'header', headerName: v.header_name }, v.value);
  }
}
