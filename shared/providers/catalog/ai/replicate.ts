import { defineManifest } from '../../manifest/manifest-schema';

const Id = '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$';

export const replicate = defineManifest({
  name: 'replicate',
  title: 'Replicate',
  category: 'ai',
  description: 'Run open models hosted on Replicate and read their predictions.',
  docsUrl: 'https://replicate.com/docs/reference/http',
  verification: 'documented',
  baseUrl: 'https://api.replicate.com/v1',
  auth: {
    credentialType: 'token',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
  },
  errors: { message: ['detail', 'title'] },
  actions: {
    create_prediction: {
      description:
        'Run an official model with its input; waits up to 60 s for the output (status and output).',
      method: 'POST',
      path: '/models/{owner}/{model}/predictions',
      params: {
        owner: { in: 'path', type: 'string', required: true, pattern: Id },
        model: { in: 'path', type: 'string', required: true, pattern: Id },
        input: {
          in: 'body',
          type: 'object',
          required: true,
          description: "The model's input, as its page documents",
        },
      },
      constants: { headers: { Prefer: 'wait' } },
      output: { id: 'id', status: 'status', output: 'output', error: 'error' },
      summary: 'Prediction {id} is {status}',
    },
    get_prediction: {
      description: 'Read a prediction: its status and, once it succeeded, its output.',
      method: 'GET',
      path: '/predictions/{prediction_id}',
      params: { prediction_id: { in: 'path', type: 'string', required: true, pattern: '^[a-z0-9]{1,64}$' } },
      output: { id: 'id', status: 'status', output: 'output', error: 'error' },
      summary: 'Prediction {id} is {status}',
    },
  },
});
