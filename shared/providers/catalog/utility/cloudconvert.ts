import { defineManifest } from '../../manifest/manifest-schema';

const JOB_ID = { in: 'path', required: true, type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } as const;

export const cloudconvert = defineManifest({
  name: 'cloudconvert',
  title: 'CloudConvert',
  category: 'utility',
  description:
    'Convert files between formats with CloudConvert jobs (import, convert, export tasks) and an API key.',
  docsUrl: 'https://cloudconvert.com/api/v2/jobs',
  verification: 'documented',
  baseUrl: 'https://api.cloudconvert.com/v2',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An API key (Dashboard → Authorization → API Keys) with task.read and task.write',
  },
  errors: { message: ['message', 'code'] },
  actions: {
    create_job: {
      description:
        'Start a job of named tasks, e.g. {"in":{"operation":"import/url","url":"…"},"pdf":{"operation":"convert","input":"in","output_format":"pdf"},"out":{"operation":"export/url","input":"pdf"}}.',
      method: 'POST',
      path: '/jobs',
      params: {
        tasks: {
          in: 'body',
          type: 'object',
          required: true,
          additionalProperties: {
            type: 'object',
            properties: {
              operation: { type: 'string', description: 'e.g. import/url, convert, optimize, export/url' },
              input: {
                anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
                description: 'The task name(s) this one reads from',
              },
            },
            required: ['operation'],
          },
          description: 'Task name → task; names may use letters, digits, - and _',
        },
        tag: { in: 'body', type: 'string', description: 'Your own label for the job' },
        webhook_url: { in: 'body', type: 'string', format: 'uri' },
      },
      output: 'data',
      summary: 'Job {data.id}: {data.status}',
    },
    get_job: {
      description: 'Read a job with its tasks; finished export/url tasks hold the download URLs.',
      method: 'GET',
      path: '/jobs/{job_id}',
      params: { job_id: JOB_ID },
      output: 'data',
      summary: 'Job {data.id}: {data.status}',
    },
    list_jobs: {
      description: 'List jobs, optionally by status or tag.',
      method: 'GET',
      path: '/jobs',
      params: {
        status: {
          in: 'query',
          wire: 'filter[status]',
          type: 'string',
          enum: ['waiting', 'processing', 'finished', 'error'],
        },
        tag: { in: 'query', wire: 'filter[tag]', type: 'string' },
        per_page: { in: 'query', type: 'integer', minimum: 1, maximum: 100 },
      },
      pagination: { style: 'next_url', items: 'data', next: 'links.next' },
    },
    delete_job: {
      description: 'Delete a job and its files.',
      method: 'DELETE',
      path: '/jobs/{job_id}',
      params: { job_id: JOB_ID },
      idempotent: true,
      summary: 'Deleted the job',
    },
  },
});
