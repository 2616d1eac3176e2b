import type { ProviderManifest } from '../../manifest/manifest-schema';
import { discordBot } from './discord_bot';
import { googleChat } from './google_chat';
import { gotify } from './gotify';
import { line } from './line';
import { mattermost } from './mattermost';
import { microsoftTeams } from './microsoft_teams';
import { ntfy } from './ntfy';
import { plivo } from './plivo';
import { pushbullet } from './pushbullet';
import { pushover } from './pushover';
import { rocketChat } from './rocket_chat';
import { sinch } from './sinch';
import { telnyx } from './telnyx';
import { twilio } from './twilio';
import { vonage } from './vonage';
import { webex } from './webex';
import { whatsapp } from './whatsapp';
import { zulip } from './zulip';

export const messagingManifests: ProviderManifest[] = [
  discordBot,
  googleChat,
  gotify,
  line,
  mattermost,
  microsoftTeams,
  ntfy,
  plivo,
  pushbullet,
  pushover,
  rocketChat,
  sinch,
  telnyx,
  twilio,
  vonage,
  webex,
  whatsapp,
  zulip,
];
