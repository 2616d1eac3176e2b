import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BundleSize {
  /** The function's logical id, which is its route-table name. */
  name: string;
  assetDir: string;
  bytes: number;
  sourceMapBytes: number;
}

interface TemplateResource {
  Type: string;
  Metadata?: Record<string, unknown>;
}

/** Minified bundle size of every Lambda in a synthesized cloud assembly (cdk.out by default). */
export function bundleSizes(assemblyDir: string, stackName: string): BundleSize[] {
  const templateFile = path.join(assemblyDir, `${stackName}.template.json`);
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf8')) as {
    Resources: Record<string, TemplateResource>;
  };
  return Object.entries(template.Resources)
    .filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && typeof r.Metadata?.['aws:asset:path'] === 'string',
    )
    .map(([name, r]) => {
      const assetDir = path.join(assemblyDir, String(r.Metadata!['aws:asset:path']));
      const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
      return {
        name,
        assetDir,
        bytes: size(path.join(assetDir, 'index.js')),
        sourceMapBytes: size(path.join(assetDir, 'index.js.map')),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'cdk.out');
  const sizes = bundleSizes(dir, process.argv[3] ?? 'Flowgate-dev');
  if (sizes.length === 0 || sizes.some((s) => s.bytes === 0)) {
    console.error(`No bundles found in ${dir}: run \`npm run synth\` first.`);
    process.exit(1);
  }
  const width = Math.max(...sizes.map((s) => s.name.length));
  for (const s of sizes) {
    console.log(`${s.name.padEnd(width)}  ${kb(s.bytes).padStart(10)}  (source map ${kb(s.sourceMapBytes)})`);
  }
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  console.log(`${'total'.padEnd(width)}  ${kb(total).padStart(10)}  across ${sizes.length} functions`);
}
