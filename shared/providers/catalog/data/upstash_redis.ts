import { defineManifest } from '../../manifest/manifest-schema';

const key = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 1024,
  description: 'The key',
};
const value = {
  in: 'path' as const,
  type: 'string' as const,
  required: true as const,
  minLength: 1,
  maxLength: 4000,
};

export const upstashRedis = defineManifest({
  name: 'upstash_redis',
  title: 'Upstash Redis',
  category: 'data',
  description:
    'Run Redis commands (get, set, incr, expire, hashes, lists) on an Upstash Redis database over its REST API.',
  docsUrl: 'https://upstash.com/docs/redis/features/restapi',
  verification: 'documented',
  baseUrl: 'https://{endpoint}',
  auth: {
    credentialType: 'token',
    fields: {
      endpoint: {
        description: 'The REST URL host, e.g. us1-merry-cat-32748.upstash.io',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}\\.upstash\\.io$',
      },
      token: { description: 'The REST token (or the read-only token for reads)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: '{"endpoint":"us1-merry-cat-32748.upstash.io","token":"…"}',
  },
  errors: { message: ['error'] },
  actions: {
    get: {
      description: 'GET a string key; the output is its value or null.',
      method: 'GET',
      path: '/get/{key}',
      params: { key },
      output: 'result',
    },
    set: {
      description: 'SET a string key to a value.',
      method: 'POST',
      path: '/set/{key}/{value}',
      params: { key, value },
      output: 'result',
      summary: 'Set: {result}',
      idempotent: true,
    },
    set_with_expiry: {
      description: 'SET a string key to a value that expires after some seconds (SET key value EX seconds).',
      method: 'POST',
      path: '/set/{key}/{value}/EX/{seconds}',
      params: { key, value, seconds: { in: 'path', type: 'integer', required: true, minimum: 1 } },
      output: 'result',
      summary: 'Set: {result}',
      idempotent: true,
    },
    incr: {
      description: 'INCR a counter key by one; the output is the new value.',
      method: 'POST',
      path: '/incr/{key}',
      params: { key },
      output: 'result',
      summary: 'Now {result}',
    },
    del: {
      description: 'DEL a key; the output is how many keys were removed.',
      method: 'POST',
      path: '/del/{key}',
      params: { key },
      output: 'result',
      idempotent: true,
    },
    expire: {
      description: 'EXPIRE a key after some seconds; the output is 1 when the timeout was set.',
      method: 'POST',
      path: '/expire/{key}/{seconds}',
      params: { key, seconds: { in: 'path', type: 'integer', required: true, minimum: 1 } },
      output: 'result',
      idempotent: true,
    },
    hget: {
      description: 'HGET one field of a hash.',
      method: 'GET',
      path: '/hget/{key}/{field}',
      params: { key, field: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 1024 } },
      output: 'result',
    },
    hset: {
      description: 'HSET one field of a hash; the output is how many fields were added.',
      method: 'POST',
      path: '/hset/{key}/{field}/{value}',
      params: {
        key,
        field: { in: 'path', type: 'string', required: true, minLength: 1, maxLength: 1024 },
        value,
      },
      output: 'result',
      idempotent: true,
    },
    rpush: {
      description: 'RPUSH a value onto the end of a list; the output is the new length.',
      method: 'POST',
      path: '/rpush/{key}/{value}',
      params: { key, value },
      output: 'result',
    },
    lrange: {
      description: 'LRANGE: read list items from start to stop (0 and -1 for the whole list).',
      method: 'GET',
      path: '/lrange/{key}/{start}/{stop}',
      params: {
        key,
        start: { in: 'path', type: 'integer', required: true },
        stop: { in: 'path', type: 'integer', required: true },
      },
      output: 'result',
    },
  },
});
