import type { ProviderManifest } from '../../manifest/manifest-schema';
import { betterstack_uptime } from './betterstack_uptime';
import { bitbucket } from './bitbucket';
import { buildkite } from './buildkite';
import { circleci } from './circleci';
import { cloudflare } from './cloudflare';
import { datadog } from './datadog';
import { digitalocean } from './digitalocean';
import { gitlab } from './gitlab';
import { heroku } from './heroku';
import { launchdarkly } from './launchdarkly';
import { netlify } from './netlify';
import { opsgenie } from './opsgenie';
import { pagerduty } from './pagerduty';
import { render } from './render';
import { sentry } from './sentry';
import { statuspage } from './statuspage';
import { travis_ci } from './travis_ci';
import { uptimerobot } from './uptimerobot';
import { vercel } from './vercel';

export const developerManifests: ProviderManifest[] = [
  betterstack_uptime,
  bitbucket,
  buildkite,
  circleci,
  cloudflare,
  datadog,
  digitalocean,
  gitlab,
  heroku,
  launchdarkly,
  netlify,
  opsgenie,
  pagerduty,
  render,
  sentry,
  statuspage,
  travis_ci,
  uptimerobot,
  vercel,
];
