import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { CATALOG_MANIFESTS } from '../../../../../shared/providers/catalog';
import {
  parseManifest,
  providerFromManifest,
} from '../../../../../shared/providers/manifest/manifest-provider';
import type { ProviderManifest } from '../../../../../shared/providers/manifest/manifest-schema';
import { BUILT_IN_PROVIDER_NAMES } from '../../../../../shared/providers/registry';

const ROOT = path.resolve(__dirname, '../../../../..');
const CATALOG_DIR = path.join(ROOT, 'shared/providers/catalog');
const WIRE_TEST_DIR = path.join(ROOT, 'test/unit/shared/providers/catalog');

/** Every manifest file: `<category>/<name>.ts`, as the catalogue's layout promises. */
function manifestFiles(): { category: string; name: string }[] {
  return readdirSync(CATALOG_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(CATALOG_DIR, d.name))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => ({ category: d.name, name: f.replace(/\.ts$/, '') })),
    );
}

function wireTests(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.wire.test.ts')) out.push(path.join(dir, entry.name));
    }
  };
  walk(WIRE_TEST_DIR);
  return out;
}

const byName = new Map<string, ProviderManifest>(CATALOG_MANIFESTS.map((m) => [m.name, m]));

it.each(CATALOG_MANIFESTS.map((m) => [m.name, m] as const))('%s validates and compiles', (_, manifest) => {
  const parsed = parseManifest(manifest);
  const provider = providerFromManifest(manifest);
  for (const [name, action] of Object.entries(provider.actions)) {
    expect(action.params).toBeInstanceOf(z.ZodType);
    expect(action.paramsJsonSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(parsed.actions[name]).toBeDefined();
  }
});

it('has one file per manifest, named after it, in its category folder, and every file is listed', () => {
  const files = manifestFiles();
  expect(files.map((f) => f.name).sort()).toEqual([...byName.keys()].sort());
  for (const file of files) expect(byName.get(file.name)?.category).toBe(file.category);
});

it('gives every provider a unique name, code-backed ones included', () => {
  expect(new Set(BUILT_IN_PROVIDER_NAMES).size).toBe(BUILT_IN_PROVIDER_NAMES.length);
});

it('calls a provider wire-tested exactly when a wire test of its manifest exists', () => {
  const tested = new Map<string, string>();
  for (const file of wireTests()) {
    const name = path.basename(file).replace(/\.wire\.test\.ts$/, '');
    tested.set(name, file);
    // The test really drives that manifest through a loopback fake.
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('startFakeServer');
    expect(source).toMatch(new RegExp(`catalog/[a-z]+/${name}'`));
  }
  const claimed = CATALOG_MANIFESTS.filter((m) => m.verification === 'wire-tested').map((m) => m.name);
  expect(claimed.sort()).toEqual([...tested.keys()].sort());
  for (const manifest of CATALOG_MANIFESTS)
    expect(['wire-tested', 'documented']).toContain(manifest.verification);
});
