import { createServer } from 'node:net';

/** The one line `npm start` prints when its port is taken. */
export function busyPortMessage(port: number): string {
  const next = port >= 65535 ? 3000 : port + 1;
  return `npm start: port ${port} is in use; try npm start -- --port ${next} (or --port 0 for a free one)`;
}

/** True when nothing may listen on host:port now (checked before DynamoDB Local is started for nothing). */
export function portInUse(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

export function isAddressInUse(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}
