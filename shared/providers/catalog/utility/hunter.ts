import { defineManifest } from '../../manifest/manifest-schema';

export const hunter = defineManifest({
  name: 'hunter',
  title: 'Hunter',
  category: 'utility',
  description:
    "Find and verify professional e-mail addresses with Hunter's domain search, email finder and verifier.",
  docsUrl: 'https://hunter.io/api-documentation/v2',
  verification: 'documented',
  baseUrl: 'https://api.hunter.io/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'query', name: 'api_key', value: '{token}' }],
    hint: 'Your API key (Dashboard → API)',
  },
  errors: { message: ['errors.0.details', 'errors.0.id'] },
  actions: {
    domain_search: {
      description: 'Every e-mail address Hunter found for a domain or company, with sources.',
      method: 'GET',
      path: '/domain-search',
      params: {
        domain: { in: 'query', type: 'string', description: 'e.g. stripe.com (or give company)' },
        company: { in: 'query', type: 'string' },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
        offset: { in: 'query', type: 'integer', minimum: 0 },
        type: { in: 'query', type: 'string', enum: ['personal', 'generic'] },
        seniority: { in: 'query', type: 'string', description: 'Comma-separated: junior, senior, executive' },
        department: { in: 'query', type: 'string', description: 'Comma-separated, e.g. it,sales' },
      },
      output: 'data',
      summary: '{data.domain}: {meta.results} addresses',
    },
    email_finder: {
      description: "The most likely e-mail address of a person from their name and their company's domain.",
      method: 'GET',
      path: '/email-finder',
      params: {
        domain: { in: 'query', type: 'string', description: 'e.g. reddit.com (or give company)' },
        company: { in: 'query', type: 'string' },
        first_name: { in: 'query', type: 'string' },
        last_name: { in: 'query', type: 'string' },
        full_name: { in: 'query', type: 'string', description: 'Instead of first and last name' },
        max_duration: { in: 'query', type: 'integer', minimum: 3, maximum: 20, description: 'Seconds' },
      },
      output: 'data',
      summary: '{data.email} (score {data.score})',
    },
    email_verifier: {
      description: 'Check whether an e-mail address is deliverable.',
      method: 'GET',
      path: '/email-verifier',
      params: { email: { in: 'query', type: 'string', required: true, format: 'email' } },
      output: 'data',
      summary: '{data.email}: {data.status}',
    },
    email_count: {
      description: 'How many addresses Hunter has for a domain or company (free, no credits).',
      method: 'GET',
      path: '/email-count',
      params: {
        domain: { in: 'query', type: 'string' },
        company: { in: 'query', type: 'string' },
        type: { in: 'query', type: 'string', enum: ['personal', 'generic'] },
      },
      output: 'data',
      summary: '{data.total} addresses',
    },
  },
});
