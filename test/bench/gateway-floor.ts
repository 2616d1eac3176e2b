/**
 * bench:gateway's floor: a bare pass-through proxy in the local stack's place (its own
 * process, keep-alive to the stub, the body piped both ways, no logic at all). What it adds
 * over calling the stub directly is what any gateway costs on this machine for its one
 * extra HTTP hop, before doing anything.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.env.FLOOR_UPSTREAM ?? 'http://127.0.0.1:1');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  const out = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => res.writeHead(502).end());
  req.pipe(out);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`floor proxy at http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
