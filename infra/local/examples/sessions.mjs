// Tutorial 1: model sessions through the openai SDK (its get/post reach Flowgate's own routes).
// Run it with `node infra/local/examples/sessions.mjs` after the quick start's `export` lines.
import OpenAI from 'openai';

const { FLOWGATE_URL, FLOWGATE_KEY } = process.env;
if (!FLOWGATE_URL || !FLOWGATE_KEY) {
  console.error('Set FLOWGATE_URL and FLOWGATE_KEY first (npm start prints both export lines).');
  process.exit(1);
}
const client = new OpenAI({ baseURL: `${FLOWGATE_URL}/api/v1`, apiKey: FLOWGATE_KEY });

// Open a session yourself: for one model, for ten minutes.
const session = await client.post('/session/modelsession', {
  query: { model_id: 'gpt-4' },
  body: { sessionDuration: 600 },
});
console.log('opened:', session.session_id, 'for', session.model, '→', session.target);

// Chat on it: `session_id` in the body names it (without it, the key's session is used).
const reply = await client.chat.completions.create({
  model: 'gpt-4',
  session_id: session.session_id,
  messages: [{ role: 'user', content: 'Which session is this?' }],
});
console.log('reply:', reply.choices[0].message.content);

// The key holds one session per model, the most recently used first; close just this one.
const current = await client.get('/session');
console.log('sessions:', current.sessions.map((s) => `${s.model} → ${s.target}`).join(', '));
const closed = await client.post('/session/closesession', { query: { session_id: session.session_id } });
console.log('closed:', closed.session_id, 'upstream closed:', closed.upstream_closed);
