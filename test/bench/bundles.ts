/**
 * `npm run bench:bundles`: every function's bundle built three ways, and for each its
 * size and the time a fresh `node` process takes to `require()` it.
 *
 *  - external: the AWS SDK left to the Lambda runtime (`--external:@aws-sdk/*`), as the
 *    stack bundled before; the rest as below.
 *  - cjs: the SDK bundled from its CommonJS builds (esbuild's default main fields).
 *  - deployed: the assets of the real stack, synthesized with bundling (`npm run synth`):
 *    the SDK bundled from its ES module builds (main fields module, main).
 *
 * external and cjs are built by esbuild here with the construct's flags. The same flags
 * with the construct's main fields must reproduce the stack's index.js byte for byte, or
 * the bench stops: so the three differ in those two settings alone.
 *
 * Each bundle is copied out of the repository and loaded with its template environment
 * (NODE_OPTIONS=--enable-source-maps included) and the runtime stand-in of
 * test/support/lambda-bundles. The external build gets NODE_PATH=<repo>/node_modules,
 * the way Lambda's NODE_PATH reaches the runtime's SDK in /var/runtime/node_modules
 * (here: the versions in package-lock.json, not Lambda's). BENCH_LOAD_RUNS (default 9)
 * fresh processes per bundle and way, the ways taking turns; medians. `--out <file>` also
 * writes the markdown report there.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleSizes } from '../../infra/bundle-report';
import { BUNDLE_TARGET } from '../../infra/constructs/api-function';
import { allFunctions } from '../../infra/routes';
import { synthFlowgate } from '../infra/synth-flowgate';
import { runtimeEnvironment } from '../support/lambda-bundles/lambda-environment';
import { copyAssetOut, measureLoad } from '../support/lambda-bundles/run-bundle';
import type { TemplateResource } from '../support/lambda-bundles/template-values';
import { summarize } from './stats';

const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 9);
const REPO = path.resolve(__dirname, '..', '..');
const WAYS = ['external', 'cjs', 'deployed'] as const;
type WayName = (typeof WAYS)[number];

interface Way {
  bytes: number;
  mapBytes: number;
  loadMs: number;
  loadCpuMs: number;
  /** Packages resolved from outside the bundle while it loaded. */
  outside: number;
}

type Row = { name: string } & Record<WayName, Way>;

/** The construct's esbuild flags (infra/constructs/api-function.ts), as the CDK passes them. */
async function esbuild(
  entry: string,
  outdir: string,
  options: { external: string[]; mainFields?: string[] },
): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: BUNDLE_TARGET,
    format: 'cjs',
    outfile: path.join(outdir, 'index.js'),
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: options.external,
    ...(options.mainFields ? { mainFields: options.mainFields } : {}),
    logLevel: 'silent',
  });
  return result.warnings.map((w) => `${w.location?.file ?? entry}: ${w.text}`);
}

/** Distinct packages (`@scope/name` or `name`) among the modules a load resolved from outside the bundle. */
const packagesOf = (modules: string[]) =>
  new Set(
    modules.map((m) =>
      m
        .split('/')
        .slice(0, m.startsWith('@') ? 2 : 1)
        .join('/'),
    ),
  ).size;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const fmt = (n: number) => n.toFixed(1);
const median = (xs: number[]) => summarize(xs).median;

function report(rows: Row[], warnings: string[]): string {
  const cells = (pick: (w: Way) => string, row: Row) => WAYS.map((w) => pick(row[w]));
  const header = [
    'function',
    ...WAYS.map((w) => `KB ${w}`),
    ...WAYS.map((w) => `require ms ${w}`),
    ...WAYS.map((w) => `CPU ms ${w}`),
  ];
  const line = (values: string[]) => `| ${values.join(' | ')} |`;
  const row = (name: string, r: Row) =>
    line([
      name,
      ...cells((w) => kb(w.bytes), r),
      ...cells((w) => fmt(w.loadMs), r),
      ...cells((w) => fmt(w.loadCpuMs), r),
    ]);
  const aggregate = (of: (xs: number[]) => number): Row => {
    const way = (w: WayName): Way => ({
      bytes: of(rows.map((r) => r[w].bytes)),
      mapBytes: of(rows.map((r) => r[w].mapBytes)),
      loadMs: of(rows.map((r) => r[w].loadMs)),
      loadCpuMs: of(rows.map((r) => r[w].loadCpuMs)),
      outside: of(rows.map((r) => r[w].outside)),
    });
    return { name: '', external: way('external'), cjs: way('cjs'), deployed: way('deployed') };
  };
  const total = aggregate((xs) => xs.reduce((a, b) => a + b, 0));
  const lines = [
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map((r) => row(r.name, r)),
    row('**total**', total),
    row('**median**', aggregate(median)),
    '',
    `Source maps in total: ${WAYS.map((w) => `${kb(total[w].mapBytes)} KB ${w}`).join(', ')}. ` +
      `Packages loaded from NODE_PATH per function (external): ` +
      `${Math.min(...rows.map((r) => r.external.outside))}–${Math.max(...rows.map((r) => r.external.outside))}; ` +
      `from outside the bundle (cjs, deployed): ${total.cjs.outside + total.deployed.outside}. ` +
      `esbuild warnings: ${warnings.length ? warnings.join('; ') : 'none'}.`,
    '',
    `Require time: wall and CPU (user + system) time of \`require('./index.js')\`, median of ${RUNS} fresh ` +
      `\`node\` ${process.version} processes per bundle and way (${process.arch}, ${os.cpus().length} cores, ` +
      `load average ${os.loadavg()[0]?.toFixed(1)} at the end, warm file cache).`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const { app, stack } = synthFlowgate({ bundle: true });
  const assembly = app.synth().directory;
  const template = JSON.parse(
    readFileSync(path.join(assembly, `${stack.stackName}.template.json`), 'utf8'),
  ) as {
    Resources: Record<string, TemplateResource>;
  };
  console.error(`synthesized with bundling in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const warnings: string[] = [];
  const rows: Row[] = [];
  for (const asset of bundleSizes(assembly, stack.stackName)) {
    const def = allFunctions.find((f) => f.name === asset.name);
    if (!def) throw new Error(`${asset.name} is in the template but not in the route table`);
    const entry = path.join(REPO, def.handler);
    const dirs = Object.fromEntries(WAYS.map((w) => [w, copyAssetOut(asset.assetDir, `${asset.name}-${w}`)]));
    const task = (w: WayName) => path.join(dirs[w] as string, 'task');
    warnings.push(...(await esbuild(entry, task('external'), { external: ['@aws-sdk/*'] })));
    warnings.push(...(await esbuild(entry, task('cjs'), { external: [] })));
    const check = copyAssetOut(asset.assetDir, `${asset.name}-check`);
    warnings.push(
      ...(await esbuild(entry, path.join(check, 'task'), { external: [], mainFields: ['module', 'main'] })),
    );
    if (
      !readFileSync(path.join(check, 'task', 'index.js')).equals(
        readFileSync(path.join(task('deployed'), 'index.js')),
      )
    )
      throw new Error(`${asset.name}: the bench's esbuild flags no longer match the construct's bundling`);

    const values = { resources: template.Resources };
    const envOf = (w: WayName) => ({
      ...runtimeEnvironment({ logicalId: asset.name, taskRoot: task(w), values }),
      ...(w === 'external' ? { NODE_PATH: path.join(REPO, 'node_modules') } : {}),
    });
    const samples = Object.fromEntries(
      WAYS.map((w) => [w, { wall: [] as number[], cpu: [] as number[], outside: 0 }]),
    );
    for (let i = 0; i < RUNS; i++) {
      for (const w of WAYS) {
        const measured = await measureLoad(dirs[w] as string, envOf(w));
        const s = samples[w]!;
        s.wall.push(measured.loadMs);
        s.cpu.push(measured.loadCpuMs);
        s.outside = packagesOf(measured.outsideModules);
      }
    }
    const way = (w: WayName): Way => ({
      bytes: readFileSync(path.join(task(w), 'index.js')).length,
      mapBytes: readFileSync(path.join(task(w), 'index.js.map')).length,
      loadMs: median(samples[w]!.wall),
      loadCpuMs: median(samples[w]!.cpu),
      outside: samples[w]!.outside,
    });
    const row: Row = {
      name: asset.name,
      external: way('external'),
      cjs: way('cjs'),
      deployed: way('deployed'),
    };
    rows.push(row);
    for (const dir of [...Object.values(dirs), check]) rmSync(dir, { recursive: true, force: true });
    console.error(`${asset.name}: ${WAYS.map((w) => `${w} ${fmt(row[w].loadMs)} ms`).join(', ')}`);
  }

  const markdown = report(rows, warnings);
  console.log(markdown);
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  if (out) writeFileSync(out, markdown + '\n');
  console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
