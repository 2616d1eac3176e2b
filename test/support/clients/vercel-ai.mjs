// The Vercel AI SDK as a user runs it (an ES module, in its own process): its default
// `openai(...)` provider, which speaks the Responses API. Prints one JSON line.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';

const { FLOWGATE_URL, FLOWGATE_KEY } = process.env;
const openai = createOpenAI({ baseURL: `${FLOWGATE_URL}/api/v1`, apiKey: FLOWGATE_KEY });
const generated = await generateText({ model: openai('gpt-4o'), prompt: 'Hello from Vercel' });
const streamed = streamText({ model: openai('gpt-4o'), prompt: 'Streaming from Vercel' });
let text = '';
for await (const delta of streamed.textStream) text += delta;
const usage = await streamed.usage;
console.log(JSON.stringify({ generated: generated.text, streamed: text, outputTokens: usage.outputTokens }));
