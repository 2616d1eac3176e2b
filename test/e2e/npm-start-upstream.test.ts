/**
 * `npm start` as a real process with the flags that choose a real model, and its console:
 * `--upstream <url>` routes every model name (chat and drafting alike) to that server, the
 * banner says so, and the metric lines go to the data directory instead of the console.
 * Refusals (a busy port, a missing key) are one line and exit 1 before anything starts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOpenAiStub, type OpenAiStub } from '../../infra/local/stubs/openai-stub';
import { callApi } from '../support/http';
import { runRefusedCli, startCli, stopCli, type StartedCli } from '../support/npm-start';

const UPSTREAM_KEY = 'sk-upstream-under-test';

describe('npm start --upstream <url> (e2e, real process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-upstream-'));
  let upstream: OpenAiStub;
  let cli: StartedCli;
  const chats = () => upstream.requests.filter((r) => r.path === '/v1/chat/completions');

  beforeAll(async () => {
    // Stands in for Ollama, vLLM or any OpenAI-compatible server.
    upstream = await startOpenAiStub({ apiKey: UPSTREAM_KEY });
    cli = await startCli(dataDir, { UPSTREAM_API_KEY: UPSTREAM_KEY }, [
      '--upstream',
      `${upstream.url}/v1`,
      '--model',
      'local-model-7b',
    ]);
  }, 120_000);
  afterAll(async () => {
    if (cli?.child.exitCode === null) await stopCli(cli);
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every model name as routed to that server; no stub answers for it', () => {
    const out = cli.output();
    for (const name of ['default', 'gpt-3.5-turbo', 'gpt-4', 'gpt-4o', 'claude-3-opus'])
      expect(out).toMatch(
        new RegExp(
          `\\n {2}(Models {6}| {12})${name.replace('.', '\\.')} +→ direct local-model-7b \\(${upstream.url}/v1\\)\\n`,
        ),
      );
    expect(out).not.toContain('stub OpenAI');
    expect(cli.stubOpenAiUrl).toBe('');
  });

  it('sends chat to that server with its key and model', async () => {
    const before = chats().length;
    const reply = await callApi(cli.apiUrl, cli.key, '/api/v1/chat/completions', 'POST', {
      model: 'gpt-4',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.choices[0].message.content).toBe('Echo: Hello');
    const sent = chats().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect((sent[0]!.body as { model: string }).model).toBe('local-model-7b');
  });

  it('drafts traces through the same model', async () => {
    const before = chats().length;
    const drafted = await callApi(cli.apiUrl, cli.key, '/automation/traces', 'POST', {
      message: 'fetch http://127.0.0.1:9/ping',
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body.steps).toEqual([
      expect.objectContaining({
        provider: 'http',
        action: 'request',
        params: { method: 'GET', url: 'http://127.0.0.1:9/ping' },
      }),
    ]);
    const sent = chats().slice(before);
    expect(sent.map((r) => (r.body as { model: string }).model)).toEqual(['local-model-7b']);
  });

  it('keeps EMF metric lines off the console, in <data dir>/metrics.log', () => {
    expect(cli.output()).not.toContain('"_aws"');
    const metrics = path.join(dataDir, 'metrics.log');
    expect(existsSync(metrics)).toBe(true);
    const lines = readFileSync(metrics, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => JSON.parse(line)._aws !== undefined)).toBe(true);
  });
});

describe('npm start refusals (e2e, real process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flowgate-refused-'));
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names a busy port and what to try, in one line, exit 1', async () => {
    const refused = await runRefusedCli(dataDir, ['--port', String(port)]);
    expect(refused).toEqual({
      code: 1,
      output: `npm start: port ${port} is in use; try npm start -- --port ${port + 1} (or --port 0 for a free one)\n`,
    });
    // Nothing was started or taken: no lock, no state.
    expect(existsSync(path.join(dataDir, 'stack.lock'))).toBe(false);
  }, 30_000);

  it('asks for OPENAI_API_KEY for --upstream openai, in one line, exit 1', async () => {
    const refused = await runRefusedCli(dataDir, ['--upstream', 'openai']);
    expect(refused).toEqual({
      code: 1,
      output:
        'npm start: --upstream openai needs OPENAI_API_KEY; export OPENAI_API_KEY=sk-… and start again\n',
    });
  }, 30_000);
});
