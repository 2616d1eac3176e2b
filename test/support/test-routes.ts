import { routes, type RouteDef } from '../../infra/routes';

const base = { auth: 'apiKey', timeoutSeconds: 10, memoryMb: 128, access: [], streaming: false } as const;

/** Extra routes that exist only in tests, served beside the real table. */
export const testRoutes: RouteDef[] = [
  {
    ...base,
    name: 'EchoEvent',
    method: 'POST',
    path: '/test/echo/{item_id}',
    handler: 'test/support/handlers/echo-event.ts',
  },
  {
    ...base,
    name: 'EchoPublic',
    method: 'GET',
    path: '/test/public/{proxy+}',
    handler: 'test/support/handlers/echo-event.ts',
    auth: 'public',
  },
  {
    ...base,
    name: 'Binary',
    method: 'POST',
    path: '/test/binary',
    handler: 'test/support/handlers/binary.ts',
    auth: 'public',
  },
  {
    ...base,
    name: 'Slow',
    method: 'GET',
    path: '/test/slow',
    handler: 'test/support/handlers/slow.ts',
    auth: 'public',
    timeoutSeconds: 1,
  },
  {
    ...base,
    name: 'StreamTicks',
    method: 'GET',
    path: '/test/stream',
    handler: 'test/support/handlers/stream-ticks.ts',
    auth: 'public',
    streaming: true,
  },
];

export const routesWithTestRoutes: RouteDef[] = [...routes, ...testRoutes];
