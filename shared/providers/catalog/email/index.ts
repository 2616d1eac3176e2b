import type { ProviderManifest } from '../../manifest/manifest-schema';
import { brevo } from './brevo';
import { elasticEmail } from './elastic_email';
import { loops } from './loops';
import { mailersend } from './mailersend';
import { mailgun } from './mailgun';
import { mailjet } from './mailjet';
import { mandrill } from './mandrill';
import { postmark } from './postmark';
import { resend } from './resend';
import { sendgrid } from './sendgrid';
import { smtp2go } from './smtp2go';
import { sparkpost } from './sparkpost';

export const emailManifests: ProviderManifest[] = [
  brevo,
  elasticEmail,
  loops,
  mailersend,
  mailgun,
  mailjet,
  mandrill,
  postmark,
  resend,
  sendgrid,
  smtp2go,
  sparkpost,
];
