import type { ProviderManifest } from '../../manifest/manifest-schema';
import { bitly } from './bitly';
import { cloudconvert } from './cloudconvert';
import { deepl } from './deepl';
import { hunter } from './hunter';
import { ipinfo } from './ipinfo';
import { openweather } from './openweather';
import { rebrandly } from './rebrandly';
import { short_io } from './short_io';

export const utilityManifests: ProviderManifest[] = [
  bitly,
  cloudconvert,
  deepl,
  hunter,
  ipinfo,
  openweather,
  rebrandly,
  short_io,
];
