import { PassThrough } from 'node:stream';
import { answerClientError } from '../../../../infra/local/client-error';

/** A socket stand-in that keeps what is written to it. */
function socket() {
  const s = new PassThrough();
  const written: Buffer[] = [];
  s.on('data', (chunk: Buffer) => written.push(chunk));
  return { s, text: () => Buffer.concat(written).toString('utf8') };
}

const error = (code: string) => Object.assign(new Error(code), { code });

describe('answerClientError', () => {
  it('answers a request timeout with 408 and the JSON body', async () => {
    const { s, text } = socket();
    answerClientError(error('ERR_HTTP_REQUEST_TIMEOUT'), s);
    await new Promise((resolve) => s.on('end', resolve));
    const [head, body] = text().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(head).toContain('Content-Type: application/json');
    expect(JSON.parse(body as string).error).toMatchObject({ code: 'request_timeout' });
  });

  it('writes nothing to a connection the client already reset', () => {
    const { s, text } = socket();
    answerClientError(error('ECONNRESET'), s);
    expect(s.destroyed).toBe(true);
    expect(text()).toBe('');
  });
});
