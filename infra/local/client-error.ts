import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { CORS, GATEWAY_ERRORS, gatewayErrorBody, type GatewayErrorSpec } from '../gateway-responses';

/** Node's parser errors are `HPE_*`; a request line plus headers over `maxHeaderSize` is this one. */
const HEADER_OVERFLOW = 'HPE_HEADER_OVERFLOW';
const REQUEST_TIMEOUT = 'ERR_HTTP_REQUEST_TIMEOUT';

function specFor(code: string | undefined): GatewayErrorSpec {
  if (code === HEADER_OVERFLOW) return GATEWAY_ERRORS.headersTooLarge;
  if (code === REQUEST_TIMEOUT) return GATEWAY_ERRORS.requestTimeout;
  return GATEWAY_ERRORS.badRequest;
}

/**
 * The server's 'clientError' listener. A request Node cannot parse never reaches the
 * router, and Node's own answer is a bare status line (an empty 431 for oversized
 * headers); this writes the same JSON error body every other gateway error has, then
 * closes the connection, since the rest of its bytes cannot be trusted.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const spec = specFor(err.code);
  const requestId = randomUUID();
  const body = gatewayErrorBody(spec);
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    'x-amzn-RequestId': requestId,
    'X-Request-Id': requestId,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': CORS.exposeHeaders.join(','),
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${spec.statusCode} ${STATUS_CODES[spec.statusCode]}\r\n${head}\r\n${body}`);
}
