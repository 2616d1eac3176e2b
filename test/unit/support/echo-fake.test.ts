import OpenAI from 'openai';
import { echoPath, startEchoFake } from '../../support/fakes/echo-fake';
import type { FakeServer } from '../../support/fakes/fake-server';
import { jsonOf } from '../../support/http';

let echo: FakeServer;
beforeAll(async () => {
  echo = await startEchoFake();
});
afterAll(() => echo.close());

const SECRET = 'k3y+/=& %"\\';

describe('echo upstream', () => {
  it('answers with the status of the path and every header, the raw query and the parsed params', async () => {
    const res = await fetch(`${echo.url}${echoPath(500, 'plain')}/items?key=k3y%2B%2F+x&key=two&page=1`, {
      headers: { 'X-Echo-Key': SECRET, Authorization: 'Basic b3BzOnB3KzEgMg==' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-echo-query')).toBe('key=k3y%2B%2F+x&key=two&page=1');
    const body = await jsonOf(res);
    expect(body).toEqual({
      query: 'key=k3y%2B%2F+x&key=two&page=1',
      args: { key: ['k3y+/ x', 'two'], page: '1' },
      basic: { user: 'ops', password: 'pw+1 2' },
      headers: expect.objectContaining({ 'x-echo-key': SECRET, authorization: 'Basic b3BzOnB3KzEgMg==' }),
      url: '/500/plain/items?key=k3y%2B%2F%20x&key=two&page=1',
    });
    expect(Object.keys(body)).toEqual(['query', 'args', 'basic', 'headers', 'url']);
    expect(body).not.toHaveProperty('echo');
  });

  it('in the keys variant, also uses every echoed value as an object key', async () => {
    const res = await fetch(`${echo.url}${echoPath(200, 'keys')}?token=a%20b`, {
      headers: { 'X-Echo-Key': SECRET },
    });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.echo).toEqual(
      expect.objectContaining({
        'token=a%20b': true,
        'a b': true,
        [SECRET]: true,
        '/200/keys?token=a%20b': true,
      }),
    );
    expect(new Set(Object.values(body.echo))).toEqual(new Set([true]));
    expect(body.headers['x-echo-key']).toBe(SECRET);
  });

  it('refuses paths without a status and a variant', async () => {
    expect((await fetch(`${echo.url}/items`)).status).toBe(404);
    expect((await fetch(`${echo.url}/200/both`)).status).toBe(404);
  });

  it('speaks chat completions to the openai SDK: a 200 whose content echoes the request', async () => {
    const client = new OpenAI({
      baseURL: `${echo.url}${echoPath(200, 'keys')}/v1`,
      apiKey: SECRET,
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({
      model: 'echo-1',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'echo-1' });
    const echoed = JSON.parse(completion.choices[0]!.message.content!);
    expect(echoed.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect((completion.usage as unknown as { echo: Record<string, boolean> }).echo[`Bearer ${SECRET}`]).toBe(
      true,
    );
    expect(completion.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 });
  });

  it('and a 500 in OpenAI’s error shape, its message listing what was sent', async () => {
    const client = new OpenAI({
      baseURL: `${echo.url}${echoPath(500, 'plain')}/v1`,
      apiKey: SECRET,
      maxRetries: 0,
    });
    const failure = await client.chat.completions
      .create({ model: 'echo-1', messages: [{ role: 'user', content: 'hi' }] })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(OpenAI.InternalServerError);
    const error = failure as InstanceType<typeof OpenAI.InternalServerError>;
    expect(error.status).toBe(500);
    expect(error.type).toBe('server_error');
    expect(error.message).toContain(`Bearer ${SECRET}`);
  });
});
