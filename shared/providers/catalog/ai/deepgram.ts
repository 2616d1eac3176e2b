import { defineManifest } from '../../manifest/manifest-schema';

export const deepgram = defineManifest({
  name: 'deepgram',
  title: 'Deepgram',
  category: 'ai',
  description: 'Speech-to-text for hosted audio files with Deepgram.',
  docsUrl: 'https://developers.deepgram.com/reference/speech-to-text-api/listen',
  verification: 'documented',
  baseUrl: 'https://api.deepgram.com/v1',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'header', name: 'Authorization', value: 'Token {token}' }],
  },
  errors: { message: ['err_msg', 'message'] },
  actions: {
    transcribe_url: {
      description: 'Transcribe the audio at a URL; output.transcript is the text of the first channel.',
      method: 'POST',
      path: '/listen',
      params: {
        url: { in: 'body', type: 'string', format: 'uri', required: true },
        model: { in: 'query', type: 'string', description: 'For example nova-3' },
        language: { in: 'query', type: 'string', maxLength: 10 },
        smart_format: { in: 'query', type: 'boolean' },
      },
      idempotent: true,
      output: {
        transcript: 'results.channels.0.alternatives.0.transcript',
        confidence: 'results.channels.0.alternatives.0.confidence',
        request_id: 'metadata.request_id',
      },
    },
  },
});
