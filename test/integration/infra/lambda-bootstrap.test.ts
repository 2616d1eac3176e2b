import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyAssetOut, invokeBundle, measureLoad } from '../../support/lambda-bundles/run-bundle';

/**
 * The runtime stand-in the bundle test relies on: if it did not catch a module from
 * outside the bundle or a connection away from the machine, or rendered streamed
 * responses wrongly, the bundle test's empty lists and status checks would mean nothing.
 */
const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, AWS_REGION: 'us-east-1' };
const dirs: string[] = [];

function bundleOf(code: string): string {
  const asset = mkdtempSync(path.join(tmpdir(), 'flowgate-fake-asset-'));
  writeFileSync(path.join(asset, 'index.js'), code);
  const dir = copyAssetOut(asset, 'bootstrap-test');
  rmSync(asset, { recursive: true, force: true });
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('reports modules from outside the bundle, even those it catches failing to load', async () => {
  const dir = bundleOf(`
    try { require('@aws-sdk/signature-v4-crt'); } catch {}
    exports.handler = async () => require('node:os').platform();
  `);
  const run = await invokeBundle(dir, {}, env, 5000);
  expect(run).toMatchObject({ phase: 'invoke', result: process.platform });
  expect(run.outsideModules).toEqual(['@aws-sdk/signature-v4-crt']);
  await expect(measureLoad(dir, env)).resolves.toMatchObject({
    outsideModules: ['@aws-sdk/signature-v4-crt'],
  });
});

it('refuses connections and name lookups away from the machine, and reports them', async () => {
  const dir = bundleOf(`
    const net = require('node:net');
    const dns = require('node:dns/promises');
    const attempt = (p) => p.then(() => 'connected', (e) => (e.cause && e.cause.code) || e.code);
    exports.handler = async () => ({
      ip: await attempt(new Promise((ok, fail) => net.connect(443, '192.0.2.1', ok).on('error', fail))),
      name: await attempt(dns.lookup('aws.amazon.com')),
      fetch: await attempt(fetch('https://kms.us-east-1.amazonaws.com/')),
    });
  `);
  const run = await invokeBundle(dir, {}, env, 5000);
  expect(run.result).toEqual({ ip: 'ECONNREFUSED', name: 'ENOTFOUND', fetch: 'ECONNREFUSED' });
  expect(run.refusedConnections).toEqual(
    expect.arrayContaining(['192.0.2.1:443', 'dns:aws.amazon.com', 'kms.us-east-1.amazonaws.com:443']),
  );
});

it('gives a streaming handler the runtime globals and turns its prelude and body into a response', async () => {
  const dir = bundleOf(`
    exports.handler = awslambda.streamifyResponse(async (event, stream) => {
      const out = awslambda.HttpResponseStream.from(stream, { statusCode: 418, headers: { 'X-Kind': event.kind } });
      out.write('{"a":');
      out.end('1}');
    });
  `);
  const run = await invokeBundle(dir, { kind: 'teapot' }, env, 5000);
  expect(run).toMatchObject({
    phase: 'invoke',
    streamed: true,
    result: { statusCode: 418, headers: { 'X-Kind': 'teapot' }, body: '{"a":1}' },
  });
});

it('reports a bundle that fails to load, with the error', async () => {
  const dir = bundleOf(`throw new Error('Invalid environment: TABLE_NAME: Required');`);
  const run = await invokeBundle(dir, {}, env, 5000);
  expect(run).toMatchObject({
    phase: 'load',
    error: { message: 'Invalid environment: TABLE_NAME: Required' },
  });
});
