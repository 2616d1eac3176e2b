import type { ProviderManifest } from '../../manifest/manifest-schema';
import { bluesky } from './bluesky';
import { facebookPages } from './facebook_pages';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { pinterest } from './pinterest';
import { reddit } from './reddit';
import { threads } from './threads';
import { xTwitter } from './x_twitter';
import { youtube } from './youtube';

export const socialManifests: ProviderManifest[] = [
  bluesky,
  facebookPages,
  linkedin,
  mastodon,
  pinterest,
  reddit,
  threads,
  xTwitter,
  youtube,
];
