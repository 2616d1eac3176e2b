import type { ProviderManifest } from '../../manifest/manifest-schema';
import { algolia } from './algolia';
import { baserow } from './baserow';
import { elasticsearch } from './elasticsearch';
import { meilisearch } from './meilisearch';
import { nocodb } from './nocodb';
import { pinecone } from './pinecone';
import { qdrant } from './qdrant';
import { supabase } from './supabase';
import { typesense } from './typesense';
import { upstashRedis } from './upstash_redis';

export const dataManifests: ProviderManifest[] = [
  algolia,
  baserow,
  elasticsearch,
  meilisearch,
  nocodb,
  pinecone,
  qdrant,
  supabase,
  typesense,
  upstashRedis,
];
