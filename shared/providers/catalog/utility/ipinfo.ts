import { defineManifest } from '../../manifest/manifest-schema';

export const ipinfo = defineManifest({
  name: 'ipinfo',
  title: 'IPinfo',
  category: 'utility',
  description: 'Look up the location, network (ASN) and organization of an IP address with an IPinfo token.',
  docsUrl: 'https://ipinfo.io/developers',
  verification: 'documented',
  baseUrl: 'https://ipinfo.io',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'Your access token (ipinfo.io/account/token)',
  },
  errors: { message: ['error.message', 'error.title', 'error'] },
  actions: {
    lookup_ip: {
      description:
        'City, region, country, coordinates, organization and time zone of an IPv4 or IPv6 address.',
      method: 'GET',
      path: '/{ip}',
      params: {
        ip: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^[0-9A-Fa-f:.]{2,45}$',
          description: 'An IPv4 or IPv6 address',
        },
      },
      summary: '{ip}: {city}, {region}, {country}',
    },
    lookup_asn: {
      description: 'Details of an autonomous system: name, country, prefixes (plans with ASN data).',
      method: 'GET',
      path: '/{asn}/json',
      params: {
        asn: {
          in: 'path',
          required: true,
          type: 'string',
          pattern: '^AS[0-9]{1,10}$',
          description: 'e.g. AS7922',
        },
      },
      summary: '{asn}: {name}',
    },
  },
});
