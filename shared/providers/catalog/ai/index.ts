import type { ProviderManifest } from '../../manifest/manifest-schema';
import { anthropic } from './anthropic';
import { assemblyai } from './assemblyai';
import { cohere } from './cohere';
import { deepgram } from './deepgram';
import { exa } from './exa';
import { gemini } from './gemini';
import { replicate } from './replicate';
import { serper } from './serper';
import { tavily } from './tavily';
import { voyage } from './voyage';

export const aiManifests: ProviderManifest[] = [
  anthropic,
  assemblyai,
  cohere,
  deepgram,
  exa,
  gemini,
  replicate,
  serper,
  tavily,
  voyage,
];
