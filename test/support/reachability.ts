import { createConnection, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';

export type Reach = 'connected' | 'refused' | `failed: ${string}`;

/** Opens (and at once closes) a TCP connection to host:port. */
export function reach(host: string, port: number): Promise<Reach> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('failed: timeout');
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'ECONNREFUSED' ? 'refused' : `failed: ${err.code ?? err.message}`),
    );
  });
}

/**
 * Addresses of this machine other than 127.0.0.1: 127.0.0.2 (Linux routes all of
 * 127/8 to loopback) and every non-loopback interface address except link-local ones.
 */
function candidateAddresses(): string[] {
  const addresses = ['127.0.0.2'];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.internal || info.address.startsWith('fe80:')) continue;
      addresses.push(info.address);
    }
  }
  return addresses;
}

async function listenEverywhere(): Promise<Server> {
  for (const host of ['::', '0.0.0.0']) {
    const server = createServer((socket) => socket.destroy());
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(0, host, () => resolve(true));
    });
    if (ok) return server;
  }
  throw new Error('cannot listen on all interfaces to find the addresses that reach this machine');
}

/**
 * The addresses other than 127.0.0.1 at which a listener on all interfaces is reachable
 * right now. A server bound to 127.0.0.1 only must refuse every one of them; checking the
 * control listener first proves each probe could have connected.
 */
export async function addressesReachingAWildcardListener(): Promise<string[]> {
  const control = await listenEverywhere();
  try {
    const port = (control.address() as { port: number }).port;
    const reached: string[] = [];
    for (const address of candidateAddresses()) {
      if ((await reach(address, port)) === 'connected') reached.push(address);
    }
    return reached;
  } finally {
    await new Promise((resolve) => control.close(resolve));
  }
}
