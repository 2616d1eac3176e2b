import { isolatedEnv } from '../gateway/isolated-env';
// Read once, when the shared runtime loads: every debug line is written, so every one is
// scanned, and the echo upstream on loopback passes the outbound guard.
const restoreEnv = isolatedEnv({ LOG_LEVEL: 'debug', OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' });

import type { LocalStack } from '../../../infra/local/local-stack';
import { signBody } from '../../../shared/webhooks/webhook-secrets';
import { echoOf, echoPath, startEchoFake, type EchoVariant } from '../../support/fakes/echo-fake';
import type { FakeServer } from '../../support/fakes/fake-server';
import { createUserWithKey } from '../../support/identity';
import { startTestStack } from '../../support/local-stack';
import { captureOutput, type CapturedOutput } from '../../support/output-capture';
import { basicAuthNeedles, needlesFor, type Needle } from '../../support/secret-forms';
import {
  decodedSource,
  describeLeaks,
  findLeaks,
  leakedForms,
  withDecodedStrings,
  type ScanSource,
} from '../../support/secret-scan';
import { itemText, itemsOfUser } from '../../support/table-items';

/**
 * Every credential placement Flowgate supports, each against an upstream that echoes
 * every request header and the query string (as values, and as object keys) in a 200 and
 * in a 500 body. Whatever path a run takes (inline, saved plan, webhook with and without
 * waiting) and wherever its result ends up (API responses, log lines, the table), no
 * decrypted secret may be found there in any spelling: as is, URL- or form-encoded,
 * base64(url), or JSON-escaped. Only the credential's KMS ciphertext is left out.
 */

// Each secret has `+ / = & space % " \`: every encoder spells it differently.
const SECRETS = {
  bearer: 'Bz3r+t/=& %Xy9"\\q',
  header: 'Hd7r+t/=& %Kw4"\\m',
  query: 'Qy5r+t/=& %Jv2"\\n',
  basicPassword: 'Pw8+t/=& %Lm3"\\z',
  // Under 8 characters: redacted (and searched) only where it stands alone.
  shortPassword: 'a+b c',
  openaiCompatible: 'Oc6r+t/=& %Tn1"\\p',
};

type StepOf = (status: number, variant: EchoVariant) => Record<string, unknown>;

interface Placement {
  name: string;
  needles: Needle[];
  /** `secret as form` pairs the echo's own answers carry: proof the search would see them. */
  echoed: string[];
  /** Stores the credential (and integration) and says how a step calls the echo with it. */
  setup(): Promise<StepOf>;
}

interface Call {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

describe('secrets never leave a run in any form (e2e)', () => {
  let output: CapturedOutput;
  let stack: LocalStack;
  let echo: FakeServer;
  let user: { key: string; userId: string };
  const responses: ScanSource[] = [];
  const stackLog: string[] = [];
  const runIds: string[] = [];

  /** Every answer is kept, headers and body, to be scanned at the end. */
  async function send(path: string, method: string, headers: Record<string, string>, payload?: string) {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await res.text();
    const label = `${method} ${path} -> ${res.status}`;
    const headerText = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    responses.push({ label: `${label} (headers)`, text: headerText }, { label: `${label} (body)`, text });
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined } as Call;
  }

  const api = (path: string, body?: unknown) =>
    send(
      path,
      body === undefined ? 'GET' : 'POST',
      {
        Authorization: `Bearer ${user.key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );

  /** A signed call of a webhook: public, the token in the path and the HMAC in a header. */
  const fireWebhook = (hook: { url: string; secret: string }, query: string) => {
    const raw = JSON.stringify({ event: 'redaction-check' });
    return send(
      `${hook.url}${query}`,
      'POST',
      {
        'Content-Type': 'application/json',
        'X-Flowgate-Signature': signBody(hook.secret, raw),
      },
      raw,
    );
  };

  async function customIntegration(name: string, auth: Record<string, string>, secret: string) {
    const created = await api('/api/custom-integrations', {
      name,
      base_url: echo.url,
      auth,
      default_headers: { 'X-Client': 'flowgate-e2e' },
    });
    expect(created.status).toBe(201);
    const provider = created.body.provider as string;
    expect((await api('/api/provider-credentials', { provider, value: secret })).status).toBe(201);
    const step: StepOf = (status, variant) => ({
      provider,
      action: 'request',
      params: { method: 'GET', path: `${echoPath(status, variant)}/items`, query: { page: 1 } },
    });
    return step;
  }

  const placements: Placement[] = [
    {
      name: 'custom bearer',
      needles: needlesFor('custom bearer', SECRETS.bearer),
      echoed: ['custom bearer as json', 'custom bearer as raw'],
      setup: () => customIntegration('bearer echo', { type: 'bearer' }, SECRETS.bearer),
    },
    {
      name: 'custom header',
      needles: needlesFor('custom header', SECRETS.header),
      echoed: ['custom header as json', 'custom header as raw'],
      setup: () => customIntegration('header echo', { type: 'header', name: 'X-Echo-Key' }, SECRETS.header),
    },
    {
      name: 'custom query',
      needles: needlesFor('custom query', SECRETS.query),
      echoed: ['custom query as form', 'custom query as json', 'custom query as raw', 'custom query as uri'],
      setup: () => customIntegration('query echo', { type: 'query', name: 'key' }, SECRETS.query),
    },
    {
      name: 'custom basic',
      needles: basicAuthNeedles('custom basic', 'ops.Ux4', SECRETS.basicPassword),
      echoed: ['custom basic as base64', 'custom basic password as json', 'custom basic password as raw'],
      setup: () => customIntegration('basic echo', { type: 'basic' }, `ops.Ux4:${SECRETS.basicPassword}`),
    },
    {
      name: 'custom basic (short password)',
      needles: basicAuthNeedles('custom basic (short password)', 'svc.Rk2', SECRETS.shortPassword),
      echoed: ['custom basic (short password) as base64', 'custom basic (short password) password as raw'],
      setup: () =>
        customIntegration('short basic echo', { type: 'basic' }, `svc.Rk2:${SECRETS.shortPassword}`),
    },
    {
      name: 'openai_compatible key',
      needles: needlesFor('openai_compatible key', SECRETS.openaiCompatible),
      echoed: ['openai_compatible key as json', 'openai_compatible key as raw'],
      async setup() {
        const stored = await api('/api/provider-credentials', {
          provider: 'openai_compatible',
          value: SECRETS.openaiCompatible,
        });
        expect(stored.status).toBe(201);
        return (status, variant) => ({
          provider: 'openai_compatible',
          action: 'chat_completion',
          params: { base_url: `${echo.url}${echoPath(status, variant)}/v1`, model: 'echo-1', prompt: 'hi' },
        });
      },
    },
  ];

  beforeAll(async () => {
    output = captureOutput();
    echo = await startEchoFake();
    stack = await startTestStack({ log: (line) => stackLog.push(line) });
    const created = await createUserWithKey('redaction');
    user = { key: created.key, userId: created.user.userId };
  });

  afterAll(async () => {
    await stack?.stop();
    await echo?.close();
    output?.restore();
    restoreEnv();
  });

  /** Two steps against the echo, as values and as keys; for a 500 the run fails on the second. */
  function stepsFor(stepOf: StepOf, status: number) {
    const retry = { max_attempts: 2, backoff_ms: 10 };
    return [
      { id: 'plain', ...stepOf(status, 'plain'), retry, continue_on_error: true },
      { id: 'keys', ...stepOf(status, 'keys'), retry },
    ];
  }

  async function finished(runId: string): Promise<Call> {
    await stack.adapters.drain();
    for (let polls = 0; ; polls++) {
      const log = await api(`/api/execution-logs/${runId}`);
      if (!['pending', 'running'].includes(log.body.status) || polls >= 50) return log;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it.each(placements.map((p) => [p.name, p] as const))(
    '%s: runs inline, saved, and from a webhook (waiting and not) against a 200 and a 500 echo',
    async (_name, placement) => {
      const stepOf = await placement.setup();
      for (const status of [200, 500]) {
        const steps = stepsFor(stepOf, status);
        const plan = await api('/api/execution-plans', { name: `${placement.name} ${status}`, steps });
        expect(plan.status).toBe(201);
        const hook = await api(`/api/execution-plans/${plan.body.id}/webhook`, {});
        expect(hook.status).toBe(201);

        const inline = await api('/api/execute-plan', { steps });
        const saved = await api('/api/execute-plan', { plan_id: plan.body.id });
        const waited = await fireWebhook(hook.body, '?wait=true');
        const queued = await fireWebhook(hook.body, '');
        expect([inline.status, saved.status, waited.status, queued.status]).toEqual([200, 200, 200, 202]);
        const runs = [inline.body, saved.body, waited.body, (await finished(queued.body.run_id)).body];
        const expected = status === 200 ? 'success' : 'failed';
        for (const run of runs) {
          runIds.push(run.id);
          expect(run.status).toBe(expected);
          expect(run.steps.map((s: { status: string }) => s.status)).toEqual([expected, expected]);
          if (status === 500) expect(run.error).toMatch(/^Step keys failed: /);
          expect((await api(`/api/execution-logs/${run.id}`)).body.status).toBe(expected);
        }
        expect((await api(`/api/execution-logs?plan_id=${plan.body.id}`)).body.logs).toHaveLength(3);
      }
    },
    // The first placement also pays for loading every handler it calls.
    20_000,
  );

  it('the echo upstream really saw, and answered with, every secret', () => {
    const answers = echo.requests.flatMap((req, i) =>
      withDecodedStrings({ label: `echo answer ${i}`, text: JSON.stringify(echoOf(req)) }),
    );
    for (const placement of placements) {
      const found = leakedForms(findLeaks(answers, placement.needles));
      expect(found).toEqual(expect.arrayContaining(placement.echoed));
    }
  });

  it('finds no secret, in any form, in any response, log line or stored item', async () => {
    await stack.adapters.drain();
    let cursor: string | undefined;
    do {
      const page = await api(
        `/api/execution-logs?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      cursor = page.body.next_cursor ?? undefined;
    } while (cursor);
    await api('/api/execution-logs?status=failed&limit=100');
    const items = await itemsOfUser(user.userId);
    expect(items.filter((item) => item.type === 'run')).toHaveLength(runIds.length);

    const lines = output.lines();
    // Every step of every run logged its end: the capture saw what the runs printed.
    expect(lines.filter((l) => l.line.includes('"message":"step finished"')).length).toBe(runIds.length * 2);
    const sources: ScanSource[] = [
      ...responses.flatMap(withDecodedStrings),
      ...lines.flatMap(({ stream, line }, i) =>
        withDecodedStrings({ label: `${stream} line ${i}`, text: line }),
      ),
      ...stackLog.map((line, i) => ({ label: `local API server log ${i}`, text: line })),
      ...items.flatMap(({ ciphertext: _kmsCiphertext, ...item }) => {
        const label = `table item ${String(item.PK)} / ${String(item.SK)}`;
        const text = itemText(item);
        return [{ label, text }, ...decodedSource(label, JSON.parse(text))];
      }),
    ];
    const leaks = findLeaks(
      sources,
      placements.flatMap((p) => p.needles),
    );
    expect(leaks.length === 0 ? 'no leaks' : describeLeaks(leaks)).toBe('no leaks');
  });
});
