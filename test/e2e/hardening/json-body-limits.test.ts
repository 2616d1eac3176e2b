// First: a clean gateway environment (see ../gateway/isolated-env.ts), put back at the end.
import { isolatedEnv } from '../gateway/isolated-env';

const restoreEnv = isolatedEnv({});

import OpenAI from 'openai';
import type { LocalStack } from '../../../infra/local/local-stack';
import { newSortableId } from '../../../shared/runs/sortable-id';
import { callApi } from '../../support/http';
import { startTestStack } from '../../support/local-stack';
import { rawRequest, seedData, type SeededData } from './hardening-fixtures';

const nested = (depth: number) => '['.repeat(depth) + '"deep"' + ']'.repeat(depth);
/** A plan-shaped body whose params hold `value` at a total depth of 4 + the depth of value. */
const stepsWith = (value: string) =>
  `[{"id":"a","provider":"data","action":"transform","params":{"value":${value}}}]`;

describe('JSON bodies within the edge limits (e2e)', () => {
  let stack: LocalStack;
  let data: SeededData;

  beforeAll(async () => {
    stack = await startTestStack();
    data = await seedData(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.adapters.drain();
    await stack?.stop();
    restoreEnv();
  });

  describe('ids in bodies are bounded in bytes too', () => {
    const astral = '😀'.repeat(256);
    it.each([
      ['run now', '/api/execute-plan', { plan_id: astral }, 'body.plan_id'],
      [
        'deploy',
        '/automation/deploy',
        { trace_id: astral, schedule_type: 'daily', schedule_time: '09:00' },
        'body.trace_id',
      ],
    ])(
      '%s: an id of 1,024 UTF-8 bytes is a 400 naming the field, not a 500',
      async (_what, path, body, field) => {
        const res = await callApi(stack.apiUrl, data.key, path, 'POST', body);
        expect(res.status).toBe(400);
        expect(res.body.error.details.issues).toContainEqual(expect.objectContaining({ path: field }));
      },
    );

    it('an unknown id that fits is the service own 404, as before', async () => {
      const res = await callApi(stack.apiUrl, data.key, '/api/execute-plan', 'POST', {
        plan_id: newSortableId('plan'),
      });
      expect([res.status, res.body.error.code]).toEqual([404, 'plan_not_found']);
    });
  });

  describe('JSON depth: 64 levels pass everywhere, deeper is a 400 before anything runs', () => {
    const post = (path: string, body: string, auth = true) =>
      rawRequest(stack.apiUrl, {
        method: 'POST',
        path,
        headers: {
          'Content-Type': 'application/json',
          ...(auth ? { Authorization: `Bearer ${data.key}` } : {}),
        },
        body,
      });
    // body {} > steps [] > step {} > params {} > value: 4 levels, so value may be 60 deep.
    const atLimit = nested(60);
    const targets = () =>
      [
        ['plan steps', '/api/execution-plans', (v: string) => `{"name":"deep","steps":${stepsWith(v)}}`, 60],
        ['trace steps', '/automation/traces', (v: string) => `{"name":"deep","steps":${stepsWith(v)}}`, 60],
        ['run-now steps', '/api/execute-plan', (v: string) => `{"steps":${stepsWith(v)}}`, 60],
        // A webhook body is the top level: {"order":{"a":{"b": value}}} is 3 + the depth of value.
        [
          'a webhook body',
          `/api/webhook/${data.webhookToken}`,
          (v: string) => `{"order":{"a":{"b":${v}}}}`,
          61,
        ],
      ] as const;

    it.each([0, 1, 2, 3])(
      '%#: 6,000 levels (the reported 12 KB body) and 65 are 400 json_too_deep',
      async (i) => {
        const [what, path, wrap, limit] = targets()[i]!;
        const auth = !path.startsWith('/api/webhook/');
        for (const depth of [6000, limit + 1]) {
          const res = await post(path, wrap(nested(depth)), auth);
          expect([what, depth, res.status, JSON.parse(res.text).error.code]).toEqual([
            what,
            depth,
            400,
            'json_too_deep',
          ]);
        }
      },
    );

    it('a plan at exactly 64 levels is saved and read back unchanged', async () => {
      const created = await post('/api/execution-plans', `{"name":"deep","steps":${stepsWith(atLimit)}}`);
      expect(created.status).toBe(201);
      const read = await callApi(
        stack.apiUrl,
        data.key,
        `/api/execution-plans/${JSON.parse(created.text).id}`,
      );
      expect(read.body.steps).toEqual(JSON.parse(stepsWith(atLimit)));
    });

    it('a trace at exactly 64 levels is saved', async () => {
      expect((await post('/automation/traces', `{"name":"deep","steps":${stepsWith(atLimit)}}`)).status).toBe(
        201,
      );
    });

    it('a run of steps at 64 levels succeeds: templating, engine, redaction and output caps all survive it', async () => {
      const res = await post('/api/execute-plan', `{"steps":${stepsWith(atLimit)}}`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).status).toBe('success');
    });

    it('streaming chat too: the official SDK gets a 400 json_too_deep in the OpenAI error shape', async () => {
      const client = new OpenAI({ baseURL: `${stack.apiUrl}/api/v1`, apiKey: data.key, maxRetries: 0 });
      const content = JSON.parse(nested(70)) as string;
      const error = await client.chat.completions
        .create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content }] })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'json_too_deep', param: 'body' });
    });

    it('a webhook body at exactly 64 levels starts the run', async () => {
      const res = await post(
        `/api/webhook/${data.webhookToken}?wait=true`,
        `{"order":{"a":{"b":${nested(61)}}}}`,
        false,
      );
      expect([200, 202]).toContain(res.status);
    });
  });

  describe('lone surrogates', () => {
    it('are refused in a plan name, a step param and a key, and nothing is stored', async () => {
      const list = async () => (await callApi(stack.apiUrl, data.key, '/api/execution-plans')).text;
      const before = await list();
      for (const body of [
        `{"name":"bad \\ud800","steps":${stepsWith('1')}}`,
        `{"name":"p","steps":${stepsWith('"\\udc00"')}}`,
        `{"name":"p","steps":${stepsWith('{"\\udbff":1}')}}`,
      ]) {
        const res = await rawRequest(stack.apiUrl, {
          method: 'POST',
          path: '/api/execution-plans',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.key}` },
          body,
        });
        expect([body, res.status, JSON.parse(res.text).error.code]).toEqual([body, 400, 'invalid_unicode']);
      }
      expect(await list()).toBe(before);
    });

    it('are refused in a webhook body before any run starts', async () => {
      const res = await rawRequest(stack.apiUrl, {
        method: 'POST',
        path: `/api/webhook/${data.webhookToken}`,
        headers: { 'Content-Type': 'application/json' },
        body: '{"order":"\\ud83d"}',
      });
      expect([res.status, JSON.parse(res.text).error.code]).toEqual([400, 'invalid_unicode']);
    });

    it('a properly paired astral character is stored and echoed as it came', async () => {
      const created = await callApi(stack.apiUrl, data.key, '/api/execution-plans', 'POST', {
        name: '😀 plan 𝄞',
        steps: [{ id: 'a', provider: 'data', action: 'transform', params: { value: '🎉' } }],
      });
      expect(created.status).toBe(201);
      const read = await callApi(stack.apiUrl, data.key, `/api/execution-plans/${created.body.id}`);
      expect(read.body.name).toBe('😀 plan 𝄞');
      expect(read.body.steps[0].params.value).toBe('🎉');
    });
  });
});
