import type { ProviderManifest } from '../../manifest/manifest-schema';
import { amplitude } from './amplitude';
import { fathom } from './fathom';
import { googleAnalytics } from './google_analytics';
import { heap } from './heap';
import { plausible } from './plausible';
import { posthog } from './posthog';
import { segment } from './segment';
import { umami } from './umami';

export const analyticsManifests: ProviderManifest[] = [
  amplitude,
  fathom,
  googleAnalytics,
  heap,
  plausible,
  posthog,
  segment,
  umami,
];
