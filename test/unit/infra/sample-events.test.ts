import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allFunctions, routes } from '../../../infra/routes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const eventFile = (name: string) => path.join(ROOT, 'test', 'events', `${kebab(name)}.json`);

/** `npm run invoke` and `sam local invoke` need a ready sample event for every function. */
describe('sample events', () => {
  it.each(allFunctions.map((f) => [f.name]))('%s has one', (name) => {
    expect(existsSync(eventFile(name))).toBe(true);
  });

  it.each(routes.map((r) => [r.name, r] as const))('%s: the event matches its route', (name, route) => {
    const event = JSON.parse(readFileSync(eventFile(name), 'utf8'));
    expect(event.httpMethod).toBe(route.method);
    expect(event.resource).toBe(route.path);
    expect(event.requestContext.resourcePath).toBe(route.path);
    const params = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(event.pathParameters ?? {}).sort()).toEqual(params);
    if (route.auth === 'apiKey') expect(event.requestContext.authorizer.userId).toEqual(expect.any(String));
    else expect(event.requestContext.authorizer).toBeNull();
  });
});
