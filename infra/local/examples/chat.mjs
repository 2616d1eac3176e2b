// The quick start's SDK example: chat through Flowgate with the official openai SDK.
// Run it with `node infra/local/examples/chat.mjs` after the quick start's `export` lines.
import OpenAI from 'openai';

const { FLOWGATE_URL, FLOWGATE_KEY } = process.env;
if (!FLOWGATE_URL || !FLOWGATE_KEY) {
  console.error('Set FLOWGATE_URL and FLOWGATE_KEY first (npm start prints both export lines).');
  process.exit(1);
}
const client = new OpenAI({ baseURL: `${FLOWGATE_URL}/api/v1`, apiKey: FLOWGATE_KEY });

// One answer. The key's automation opens a model session for it on the first request.
const reply = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Say hello to Flowgate' }],
});
console.log('reply:', reply.choices[0].message.content);

// The same, streamed: the words arrive as the upstream produces them.
const stream = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Stream a short greeting' }],
  stream: true,
  stream_options: { include_usage: true },
});
process.stdout.write('streamed: ');
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
  if (chunk.usage) process.stdout.write(`\n(tokens: ${chunk.usage.total_tokens})\n`);
}
