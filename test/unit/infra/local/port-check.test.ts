import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { busyPortMessage, isAddressInUse, portInUse } from '../../../../infra/local/port-check';

describe('the busy-port check', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('finds a taken port, and not a free one or 0', async () => {
    expect(await portInUse(port, '127.0.0.1')).toBe(true);
    expect(await portInUse(0, '127.0.0.1')).toBe(false);
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const freePort = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    expect(await portInUse(freePort, '127.0.0.1')).toBe(false);
  });

  it('says what to do in one line', () => {
    expect(busyPortMessage(3000)).toBe(
      'npm start: port 3000 is in use; try npm start -- --port 3001 (or --port 0 for a free one)',
    );
    expect(isAddressInUse(Object.assign(new Error('x'), { code: 'EADDRINUSE' }))).toBe(true);
    expect(isAddressInUse(new Error('x'))).toBe(false);
  });
});
