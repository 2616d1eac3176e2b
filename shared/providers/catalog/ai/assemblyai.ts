import { defineManifest } from '../../manifest/manifest-schema';

export const assemblyai = defineManifest({
  name: 'assemblyai',
  title: 'AssemblyAI',
  category: 'ai',
  description: 'Transcribe audio files from a URL with AssemblyAI.',
  docsUrl: 'https://www.assemblyai.com/docs/api-reference/transcripts/submit',
  verification: 'documented',
  baseUrl: 'https://api.assemblyai.com/v2',
  auth: { credentialType: 'api_key', apply: [{ in: 'header', name: 'Authorization', value: '{token}' }] },
  errors: { message: ['error'] },
  actions: {
    submit_transcript: {
      description:
        'Queue an audio file (by URL) for transcription; output.id is the transcript to read later.',
      method: 'POST',
      path: '/transcript',
      params: {
        audio_url: { in: 'body', type: 'string', format: 'uri', required: true },
        language_code: { in: 'body', type: 'string', maxLength: 10 },
        speaker_labels: { in: 'body', type: 'boolean' },
      },
      output: { id: 'id', status: 'status' },
      summary: 'Transcript {id} is {status}',
    },
    get_transcript: {
      description: 'Read a transcript: its status and, once completed, its text.',
      method: 'GET',
      path: '/transcript/{transcript_id}',
      params: {
        transcript_id: { in: 'path', type: 'string', required: true, pattern: '^[A-Za-z0-9-]{1,64}$' },
      },
      output: { id: 'id', status: 'status', text: 'text', error: 'error' },
      summary: 'Transcript {id} is {status}',
    },
  },
});
