import type { ProviderManifest } from '../../manifest/manifest-schema';
import { airtable } from './airtable';
import { asana } from './asana';
import { basecamp } from './basecamp';
import { calCom } from './cal_com';
import { calendly } from './calendly';
import { clickup } from './clickup';
import { clockify } from './clockify';
import { coda } from './coda';
import { confluence } from './confluence';
import { googleCalendar } from './google_calendar';
import { googleSheets } from './google_sheets';
import { harvest } from './harvest';
import { jira } from './jira';
import { jotform } from './jotform';
import { linear } from './linear';
import { microsoftOutlook } from './microsoft_outlook';
import { microsoftTodo } from './microsoft_todo';
import { miro } from './miro';
import { monday } from './monday';
import { smartsheet } from './smartsheet';
import { todoist } from './todoist';
import { toggl } from './toggl';
import { trello } from './trello';
import { typeform } from './typeform';
import { wrike } from './wrike';

export const productivityManifests: ProviderManifest[] = [
  airtable,
  asana,
  basecamp,
  calCom,
  calendly,
  clickup,
  clockify,
  coda,
  confluence,
  googleCalendar,
  googleSheets,
  harvest,
  jira,
  jotform,
  linear,
  microsoftOutlook,
  microsoftTodo,
  miro,
  monday,
  smartsheet,
  todoist,
  toggl,
  trello,
  typeform,
  wrike,
];
