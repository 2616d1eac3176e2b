import { defineManifest } from '../../manifest/manifest-schema';

export const deepl = defineManifest({
  name: 'deepl',
  title: 'DeepL',
  category: 'utility',
  description: 'Translate text with DeepL and read the character usage, on the Free or the Pro API.',
  docsUrl: 'https://developers.deepl.com/api-reference/translate',
  verification: 'wire-tested',
  baseUrl: 'https://{host}/v2',
  auth: {
    credentialType: 'api_key',
    fields: {
      host: {
        description: 'api-free.deepl.com for Free keys (ending in :fx), api.deepl.com for Pro',
        enum: ['api-free.deepl.com', 'api.deepl.com'],
        default: 'api-free.deepl.com',
      },
      auth_key: { description: 'The authentication key (Account → API Keys)', secret: true },
    },
    apply: [{ in: 'header', name: 'Authorization', value: 'DeepL-Auth-Key {auth_key}' }],
    hint: '{"auth_key":"…:fx"} for Free, or {"auth_key":"…","host":"api.deepl.com"} for Pro',
  },
  errors: { message: ['message', 'detail'] },
  actions: {
    translate_text: {
      description: 'Translate up to 50 texts into one target language; the output lists each translation.',
      method: 'POST',
      path: '/translate',
      params: {
        text: {
          in: 'body',
          type: 'array',
          required: true,
          minItems: 1,
          maxItems: 50,
          items: { type: 'string' },
          description: 'The texts to translate',
        },
        target_lang: {
          in: 'body',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z]{2}(-[A-Za-z]{2,4})?$',
          description: 'e.g. DE, FR, EN-GB, PT-BR',
        },
        source_lang: {
          in: 'body',
          type: 'string',
          pattern: '^[A-Za-z]{2}$',
          description: 'Default: detected',
        },
        formality: {
          in: 'body',
          type: 'string',
          enum: ['default', 'more', 'less', 'prefer_more', 'prefer_less'],
        },
        context: { in: 'body', type: 'string', description: 'Extra context that is not translated' },
        split_sentences: { in: 'body', type: 'string', enum: ['0', '1', 'nonewlines'] },
        preserve_formatting: { in: 'body', type: 'boolean' },
        tag_handling: { in: 'body', type: 'string', enum: ['xml', 'html'] },
        glossary_id: { in: 'body', type: 'string' },
      },
      idempotent: true,
      output: 'translations',
      summary: 'Translated from {translations.0.detected_source_language}',
    },
    get_usage: {
      description: 'Characters translated this billing period and the limit.',
      method: 'GET',
      path: '/usage',
      summary: '{character_count} of {character_limit} characters used',
    },
    list_languages: {
      description: 'The supported source or target languages.',
      method: 'GET',
      path: '/languages',
      params: { type: { in: 'query', type: 'string', enum: ['source', 'target'] } },
    },
  },
});
