import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type OpenAI from 'openai';
import type { LocalStack } from '../../../infra/local/local-stack';
import { emfDuring, failureOf, rawStream, user } from './support';

/** A model the route table sends to the Morpheus proxy-router (`morpheus/qwen3-235b`). */
export const MORPHEUS_MODEL = 'gpt-4';

/** The three ways a key's model session gets opened: explicitly, or inside chat (JSON or streaming). */
export const OPEN_PATHS: ReadonlyArray<[string, (client: OpenAI) => Promise<unknown>]> = [
  [
    'POST /api/v1/session/modelsession',
    (client) =>
      client.post('/session/modelsession', {
        query: { model_id: MORPHEUS_MODEL },
        body: { sessionDuration: 600 },
      }),
  ],
  [
    'chat (session opened automatically)',
    (client) => client.chat.completions.create({ model: MORPHEUS_MODEL, messages: user('open for me') }),
  ],
  [
    'streaming chat (session opened automatically)',
    async (client) => {
      const stream = await client.chat.completions.create({
        model: MORPHEUS_MODEL,
        messages: user('open for me'),
        stream: true,
      });
      // Never reached when the open fails: the SDK throws on the status before iterating.
      for await (const _chunk of stream);
    },
  ],
];

/** The key's session item as the table holds it (undefined when there is none). */
/** The key's session item for one target (by default the one the Morpheus model routes to). */
export async function sessionItem(
  keyId: string,
  targetId = 'morpheus/qwen3-235b',
): Promise<Record<string, unknown> | undefined> {
  // Loaded lazily: the shared runtime reads its configuration on load (see support.ts).
  const { testRepositoryDeps } = await import('../../support/identity');
  const { client, tableName } = testRepositoryDeps();
  try {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: `APIKEY#${keyId}`, SK: `SESSION#${targetId}` },
        ConsistentRead: true,
      }),
    );
    return Item;
  } finally {
    client.destroy();
  }
}

/** The SDK's error for a call that must fail, with the EMF lines printed meanwhile (needs captureEmf()). */
export async function failingCall(fn: () => Promise<unknown>) {
  let err: InstanceType<typeof OpenAI.APIError> | undefined;
  const lines = await emfDuring(async () => {
    err = await failureOf(fn());
  });
  return { err: err!, lines };
}

/** The `SessionCreationFailures` EMF lines among `lines`. */
export const sessionFailureLines = (lines: Array<Record<string, unknown>>) =>
  lines.filter((l) => 'SessionCreationFailures' in l);

/** A streaming request whose open fails, read raw: status, content type and body before any SSE byte. */
export async function rawStreamFailure(stack: LocalStack, key: string) {
  const { res, text } = await rawStream(stack, key, {
    model: MORPHEUS_MODEL,
    messages: user('stream for me'),
    stream: true,
  });
  return { status: res.status, contentType: res.headers.get('content-type'), text };
}
