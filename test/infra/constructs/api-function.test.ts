import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { bundleSizes, type BundleSize } from '../../../infra/bundle-report';
import { allFunctions } from '../../../infra/routes';
import { resource, synthFlowgate } from '../synth-flowgate';

// This file bundles for real with the local esbuild (as `npm run synth` does); the
// other infra tests skip bundling to stay fast.
let template: Template;
let bundles: Map<string, BundleSize>;

beforeAll(() => {
  const { app, stack, template: t } = synthFlowgate({ bundle: true });
  template = t;
  const assembly = app.synth();
  bundles = new Map(bundleSizes(assembly.directory, stack.stackName).map((b) => [b.name, b]));
}, 120_000);

describe.each(allFunctions.map((f) => [f.name]))('%s', (name) => {
  it('keeps the asset metadata that `sam local invoke -t cdk.out/...` needs', () => {
    expect(resource(template, name).Metadata).toMatchObject({
      'aws:asset:path': expect.stringMatching(/^asset\.[0-9a-f]{64}$/),
      'aws:asset:property': 'Code',
    });
  });

  it('is bundled into one minified CommonJS file with an external source map', () => {
    const bundle = bundles.get(name);
    expect(bundle).toBeDefined();
    const code = fs.readFileSync(path.join(bundle!.assetDir, 'index.js'), 'utf8');
    expect(bundle!.bytes).toBeGreaterThan(0);
    // Minified: thousands of characters per line, not one statement per line.
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.js.map')).toBe(true);
    expect(bundle!.sourceMapBytes).toBeGreaterThan(0);
    expect(fs.readdirSync(bundle!.assetDir).sort()).toEqual(['index.js', 'index.js.map']);
  });
});

it('loads the AWS SDK from the runtime instead of bundling it', () => {
  const codes = [...bundles.values()].map((b) => fs.readFileSync(path.join(b.assetDir, 'index.js'), 'utf8'));
  // At least the DynamoDB-backed functions require the SDK, so this cannot pass vacuously.
  expect(
    codes.filter((c) => /require\("@aws-sdk\/(client-dynamodb|lib-dynamodb)"\)/.test(c)).length,
  ).toBeGreaterThan(0);
  // The client implementation (its wire-protocol target prefix) is in no bundle.
  expect(codes.filter((c) => c.includes('DynamoDB_20120810'))).toHaveLength(0);
});
