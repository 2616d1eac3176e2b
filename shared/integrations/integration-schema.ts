import * as z from 'zod';
import { outboundUrlProblem } from '../net/outbound-http';
import { CUSTOM_AUTH_TYPES } from '../providers/custom';
import { HeaderName, HeaderValue } from '../providers/provider-kit';
import { isSecretName } from '../redact';

/** At most this many integrations per user; each is a provider in every listing. */
export const MAX_INTEGRATIONS_PER_USER = 100;

const BaseUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = outboundUrlProblem(value);
    if (problem) return ctx.addIssue({ code: 'custom', message: problem });
    const url = new URL(value);
    if (url.search !== '' || url.hash !== '') {
      ctx.addIssue({
        code: 'custom',
        message: 'must not contain a query string or fragment; use auth or the step query',
      });
    }
  });

const Auth = z
  .strictObject({
    type: z.enum(CUSTOM_AUTH_TYPES),
    /** The header (`header`) or query parameter (`query`) that carries the credential. */
    name: HeaderName.optional(),
  })
  .refine((auth) => (auth.type === 'header' || auth.type === 'query') === (auth.name !== undefined), {
    message: 'name is required for header and query auth, and only for them',
    path: ['name'],
  });

/**
 * Default headers are stored in plain text, so ones that look like secrets are refused:
 * a key belongs in the integration's credential, which is encrypted.
 */
const DefaultHeaders = z
  .record(HeaderName, HeaderValue)
  .refine((headers) => Object.keys(headers).length <= 50, 'at most 50 default headers')
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (isSecretName(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message:
            'looks like a secret: store it as the credential of provider custom_<id> and choose an auth type',
        });
      }
    }
  });

/** The body of POST and PUT (PUT replaces the whole integration). */
export const IntegrationBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  base_url: BaseUrl,
  auth: Auth.default({ type: 'none' }),
  default_headers: DefaultHeaders.default({}),
});

export type IntegrationBodyInput = z.infer<typeof IntegrationBody>;
