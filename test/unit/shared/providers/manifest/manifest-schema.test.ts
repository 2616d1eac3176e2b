import { parseManifest } from '../../../../../shared/providers/manifest/manifest-provider';
import type { ProviderManifest } from '../../../../../shared/providers/manifest/manifest-schema';

const base: ProviderManifest = {
  name: 'vendor',
  title: 'Vendor',
  category: 'utility',
  description: 'A vendor for these tests.',
  docsUrl: 'https://vendor.example/docs',
  verification: 'documented',
  baseUrl: 'https://api.vendor.example',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
  },
  actions: {
    get_thing: {
      description: 'Read one thing by id.',
      method: 'GET',
      path: '/things/{id}',
      params: { id: { in: 'path', type: 'string', required: true } },
    },
  },
};

const withAction = (action: ProviderManifest['actions'][string]): ProviderManifest => ({
  ...base,
  actions: { act: action },
});

it('accepts a well-formed manifest and fills the defaults', () => {
  const parsed = parseManifest(base);
  expect(parsed.errors.message).toEqual(['error.message', 'error', 'message', 'errors.0.message']);
  expect(parsed.actions.get_thing!.params.id).toMatchObject({ in: 'path', required: true });
});

it.each<[string, ProviderManifest, string]>([
  [
    'an undeclared path param',
    withAction({ description: 'Read one thing.', method: 'GET', path: '/things/{id}' }),
    '{id} is not a path param',
  ],
  [
    'a path param missing from the path',
    withAction({
      description: 'Read one thing.',
      method: 'GET',
      path: '/things',
      params: { id: { in: 'path', type: 'string', required: true } },
    }),
    'a path param appears in the path and is required',
  ],
  [
    'a body on GET',
    withAction({
      description: 'Read one thing.',
      method: 'GET',
      path: '/x',
      params: { q: { in: 'body', type: 'string' } },
    }),
    'GET has no body',
  ],
  [
    'a file outside multipart',
    withAction({
      description: 'Upload one file.',
      method: 'POST',
      path: '/x',
      params: { f: { in: 'body', type: 'string', file: { filename: 'a.txt', contentType: 'text/plain' } } },
    }),
    'files need multipart',
  ],
  [
    'a pagination param the plan could also set',
    withAction({
      description: 'List the things.',
      method: 'GET',
      path: '/x',
      params: { cursor: { in: 'query', type: 'string' } },
      pagination: { style: 'cursor', items: 'data', next: 'next', param: 'cursor' },
    }),
    'the pagination param is set by the executor',
  ],
  [
    'a base-URL field without a pattern',
    {
      ...base,
      baseUrl: 'https://{subdomain}.vendor.example',
      auth: {
        credentialType: 'custom',
        fields: {
          subdomain: { description: 'The subdomain' },
          token: { description: 'The token', secret: true },
        },
        apply: [],
      },
    },
    'a field in the base URL needs a pattern or an enum',
  ],
  [
    'an unknown field in the base URL',
    { ...base, baseUrl: 'https://{tenant}.vendor.example' },
    'unknown credential field tenant',
  ],
  [
    'an unknown field in a placement',
    { ...base, auth: { credentialType: 'token', apply: [{ in: 'query', name: 'k', value: '{key}' }] } },
    'unknown credential field key',
  ],
  [
    'an array body with other body fields',
    withAction({
      description: 'Insert rows.',
      method: 'POST',
      path: '/rows',
      params: {
        rows: { in: 'body', wire: '$', type: 'array' },
        extra: { in: 'body', type: 'string' },
      },
    }),
    'an array body is JSON with no other body fields',
  ],
  [
    'a whole body that is a string',
    withAction({
      description: 'Insert rows.',
      method: 'POST',
      path: '/rows',
      params: { raw: { in: 'body', wire: '$', type: 'string' } },
    }),
    'the whole body is an object or array body param',
  ],
  ['a plain-http base URL', { ...base, baseUrl: 'http://api.vendor.example' }, 'must be an https URL'],
  [
    'a credential in the body of a GET',
    { ...base, auth: { credentialType: 'token', apply: [{ in: 'body', path: 'key', value: '{token}' }] } },
    'the credential goes in a body this method lacks',
  ],
  [
    'a JSON Schema keyword outside the subset',
    withAction({
      description: 'Read one thing.',
      method: 'GET',
      path: '/x',
      params: { q: { in: 'query', type: 'string', oneOf: [] } as never },
    }),
    'Unrecognized key',
  ],
])('refuses %s', (_, manifest, message) => {
  expect(() => parseManifest(manifest)).toThrow(message);
});
