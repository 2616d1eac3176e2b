/**
 * Starts both stub upstreams for manual use and prints where they listen:
 *
 *   npx tsx infra/local/stubs/run-stubs.ts
 *
 * Ports come from OPENAI_STUB_PORT / MORPHEUS_STUB_PORT (default: free ports). Drive
 * faults with `curl -X POST <url>/__stub/faults -d '{"kind":"status","status":500}'`.
 */
import { startMorpheusStub, type MorpheusStub, type MorpheusStubOptions } from './morpheus-stub';
import { startOpenAiStub, type OpenAiStub, type OpenAiStubOptions } from './openai-stub';

export interface LocalStubs {
  openai: OpenAiStub;
  morpheus: MorpheusStub;
  close(): Promise<void>;
}

export async function startLocalStubs(
  options: { openai?: OpenAiStubOptions; morpheus?: MorpheusStubOptions } = {},
): Promise<LocalStubs> {
  const openai = await startOpenAiStub(options.openai);
  try {
    const morpheus = await startMorpheusStub(options.morpheus);
    return {
      openai,
      morpheus,
      close: async () => {
        await Promise.all([openai.close(), morpheus.close()]);
      },
    };
  } catch (err) {
    await openai.close();
    throw err;
  }
}

function portFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

export async function main(): Promise<LocalStubs> {
  const stubs = await startLocalStubs({
    openai: { port: portFromEnv('OPENAI_STUB_PORT') },
    morpheus: { port: portFromEnv('MORPHEUS_STUB_PORT') },
  });
  const { openai, morpheus } = stubs;
  console.log(`OpenAI-compatible stub   ${openai.url}/v1   (Authorization: Bearer ${openai.apiKey})`);
  console.log(
    `Morpheus proxy-router stub ${morpheus.url}   (basic auth ${morpheus.username}:${morpheus.password})`,
  );
  console.log('Control: POST|GET|DELETE /__stub/faults, GET|DELETE /__stub/requests. Ctrl-C stops.');
  const stop = () => {
    void stubs.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return stubs;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
