import { describeProviders, ProviderListQuery } from '../../../../shared/providers/listing';
import { listProviders } from '../../../../shared/providers/registry';
import { PROVIDER_CATEGORIES } from '../../../../shared/providers/types';

const all = listProviders();
const query = (raw: Record<string, string>) => ProviderListQuery.parse(raw);

it("keeps the seed's {total, providers} shape without a query, every provider runnable and described", () => {
  const listing = describeProviders(all);
  expect(Object.keys(listing).sort()).toEqual(['providers', 'total']);
  expect(listing.total).toBe(all.length);
  for (const p of listing.providers) {
    expect(PROVIDER_CATEGORIES).toContain(p.category);
    expect(['wire-tested', 'documented', 'local']).toContain(p.verification);
    expect(p.description.length).toBeGreaterThan(10);
    if (p.verification !== 'local') expect(p.docs_url ?? 'https://built-in').toMatch(/^https:\/\//);
    for (const action of p.actions) expect(action.params).toMatchObject({ type: 'object' });
  }
});

it('filters by category and by every word of q, across names, titles and descriptions', () => {
  const messaging = describeProviders(all, query({ category: 'messaging' }));
  expect(messaging.providers.map((p) => p.name)).toEqual(
    expect.arrayContaining(['slack', 'discord', 'telegram']),
  );
  expect(messaging.providers.every((p) => p.category === 'messaging')).toBe(true);
  expect(messaging.total).toBe(messaging.providers.length);

  expect(describeProviders(all, query({ q: 'Claude' })).providers.map((p) => p.name)).toEqual(['anthropic']);
  const payments = describeProviders(all, query({ q: 'payment intent' }));
  expect(payments.providers.map((p) => p.name)).toContain('stripe');
  expect(describeProviders(all, query({ q: 'zzzz-nothing' }))).toEqual({ total: 0, providers: [] });
});

it('pages with limit and an opaque cursor until next_cursor is null', () => {
  const names: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const listing = describeProviders(all, query({ limit: '7', ...(cursor ? { cursor } : {}) }));
    expect(listing.total).toBe(all.length);
    expect(listing.providers.length).toBeLessThanOrEqual(7);
    names.push(...listing.providers.map((p) => p.name));
    if (listing.next_cursor === null) break;
    cursor = listing.next_cursor!;
  }
  expect(names).toEqual(all.map((p) => p.name));
});

it('refuses a forged cursor and bad filters with a 400', () => {
  for (const cursor of ['not-base64-json', Buffer.from('{"after":"no_such"}').toString('base64url')])
    expect(() => describeProviders(all, query({ cursor }))).toThrow('Invalid pagination cursor');
  expect(ProviderListQuery.safeParse({ category: 'nope' }).success).toBe(false);
  expect(ProviderListQuery.safeParse({ limit: '0' }).success).toBe(false);
});
