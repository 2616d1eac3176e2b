import { connect } from 'node:net';
import { GATEWAY_ERRORS, gatewayErrorBody } from '../../../../infra/gateway-responses';
import { startApiServer, type ApiServer } from '../../../../infra/local/api-server';

/** Writes raw bytes (so nothing client-side trims them) and reads the whole answer. */
function rawExchange(
  port: number,
  request: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

describe('local API server: requests Node cannot parse get a JSON gateway error', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.close());

  it.each([
    [
      'a header block over the limit',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ],
    ['a request line over the limit', `GET /api/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('%s: 431 with the JSON body, not an empty one', async (_name, request) => {
    const res = await rawExchange(api.port, request);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual(JSON.parse(gatewayErrorBody(GATEWAY_ERRORS.headersTooLarge)));
    expect(JSON.parse(res.body)).toEqual({
      error: {
        message: 'Request line and headers exceed the size limit',
        type: 'invalid_request_error',
        param: null,
        code: 'request_header_fields_too_large',
        details: null,
      },
    });
  });

  it('a request that is not HTTP at all: 400 with the JSON body', async () => {
    const res = await rawExchange(api.port, 'HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(JSON.parse(gatewayErrorBody(GATEWAY_ERRORS.badRequest)));
  });

  it('keeps serving after refusing one', async () => {
    await rawExchange(api.port, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const res = await fetch(`${api.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
