'use strict';
/**
 * Stands in for the Node.js Lambda runtime in a fresh `node` process: it is copied next to
 * a synthesized bundle, outside the repository, so it must not load anything from it.
 *
 *   node lambda-bootstrap.cjs load <bundle dir>          prints {"loadMs": …, "loadCpuMs": …}
 *   node lambda-bootstrap.cjs invoke <bundle dir> <event.json> <timeout ms>
 *                                                        prints one JSON result line
 *
 * It installs what the runtime gives a handler (the `awslambda` streaming globals, a
 * context), refuses every connection and name lookup that would leave the machine, and
 * records every module the bundle asked for that Node does not ship: a bundle must need
 * nothing else.
 */
const process = require('node:process');
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const Module = require('node:module');
const { Writable } = require('node:stream');
const { randomUUID } = require('node:crypto');

const RESULT_MARK = '@@bundle-result ';
const [mode, bundleDir, eventFile, timeoutArg] = process.argv.slice(2);

// ---- what the bundle reaches for outside itself -------------------------------------
const outsideModules = new Set();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const isBuiltin = Module.isBuiltin(request);
  const isFile = request.startsWith('.') || path.isAbsolute(request);
  if (!isBuiltin && !isFile) outsideModules.add(request);
  return originalLoad.call(this, request, parent, isMain);
};

// ---- nothing leaves the machine ------------------------------------------------------
const refusedConnections = [];
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  // net.connect() hands over [options, callback] already normalized; direct calls do not.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host = 'localhost';
  let port;
  if (first && typeof first === 'object') {
    if (first.path) return originalConnect.apply(this, args);
    host = first.host || 'localhost';
    port = first.port;
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    port = first;
    if (typeof args[1] === 'string') host = args[1];
  } else {
    return originalConnect.apply(this, args); // a Unix socket path
  }
  if (LOOPBACK.test(String(host).replace(/^\[|\]$/g, ''))) return originalConnect.apply(this, args);
  refusedConnections.push(`${host}:${port}`);
  const error = new Error(`connect ECONNREFUSED ${host}:${port} (the bundle test allows loopback only)`);
  error.code = 'ECONNREFUSED';
  process.nextTick(() => this.destroy(error));
  return this;
};

// Name lookups would ask a DNS server elsewhere: only loopback names and IP literals pass.
const dns = require('node:dns');
const localName = (host) => LOOPBACK.test(String(host)) || net.isIP(String(host)) !== 0;
const notFound = (host) => {
  refusedConnections.push(`dns:${host}`);
  const error = new Error(`getaddrinfo ENOTFOUND ${host} (the bundle test resolves loopback only)`);
  error.code = 'ENOTFOUND';
  return error;
};
const originalLookup = dns.lookup;
dns.lookup = function lookup(host, ...rest) {
  if (localName(host)) return originalLookup.call(this, host, ...rest);
  const callback = rest[rest.length - 1];
  process.nextTick(() => callback(notFound(host)));
};
const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = function lookup(host, ...rest) {
  if (localName(host)) return originalPromisesLookup.call(this, host, ...rest);
  return Promise.reject(notFound(host));
};

// ---- the runtime's response-streaming globals ---------------------------------------
// As the runtime does it: a metadata prelude (JSON), eight NUL bytes, then the body.
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const PRELUDE_DELIMITER = Buffer.alloc(8);

class ResponseStream extends Writable {
  constructor() {
    super();
    this.chunks = [];
    this.contentType = 'application/octet-stream';
    this.onBeforeFirstWrite = undefined;
  }
  setContentType(type) {
    this.contentType = type;
  }
  _write(chunk, _encoding, callback) {
    this.flushPrelude();
    this.chunks.push(Buffer.from(chunk));
    callback();
  }
  _final(callback) {
    this.flushPrelude();
    callback();
  }
  flushPrelude() {
    const before = this.onBeforeFirstWrite;
    this.onBeforeFirstWrite = undefined;
    if (before) before((piece) => this.chunks.push(Buffer.from(piece)));
  }
  /** The HTTP response API Gateway would build from what the handler wrote. */
  response() {
    const bytes = Buffer.concat(this.chunks);
    if (this.contentType !== 'application/vnd.awslambda.http-integration-response')
      return { statusCode: 200, headers: { 'content-type': this.contentType }, body: bytes.toString('utf8') };
    const end = bytes.indexOf(PRELUDE_DELIMITER);
    if (end < 0) throw new Error('streamed response has no metadata prelude');
    const prelude = JSON.parse(bytes.subarray(0, end).toString('utf8'));
    return { ...prelude, body: bytes.subarray(end + PRELUDE_DELIMITER.length).toString('utf8') };
  }
}

const runtimeGlobals = {
  streamifyResponse(handler) {
    handler[STREAMING] = 'response';
    return handler;
  },
  HttpResponseStream: {
    from(stream, prelude) {
      stream.setContentType('application/vnd.awslambda.http-integration-response');
      stream.onBeforeFirstWrite = (write) => {
        write(JSON.stringify(prelude));
        write(PRELUDE_DELIMITER);
      };
      return stream;
    },
  },
};
// The bundled SDK may create `awslambda` first (its invoke store); add to it, as the runtime does.
globalThis.awslambda = Object.assign(globalThis.awslambda || {}, runtimeGlobals);

function lambdaContext(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${name}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: randomUUID(),
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function loadHandler() {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const mod = require(path.join(path.resolve(bundleDir), 'index.js'));
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { handler: mod.handler, loadMs, loadCpuMs: (used.user + used.system) / 1000 };
}

function report(result) {
  const extra = { outsideModules: [...outsideModules].sort(), refusedConnections };
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify({ ...result, ...extra })}\n`);
}

function describeError(err) {
  return { name: err && err.name, message: String((err && err.message) || err), stack: err && err.stack };
}

async function invoke() {
  let loaded;
  try {
    loaded = loadHandler();
  } catch (err) {
    return report({ phase: 'load', error: describeError(err) });
  }
  if (typeof loaded.handler !== 'function')
    return report({ phase: 'load', error: { message: 'index.js exports no handler function' } });
  const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
  const context = lambdaContext(Number(timeoutArg));
  const started = Date.now();
  try {
    if (loaded.handler[STREAMING] === 'response') {
      const stream = new ResponseStream();
      await loaded.handler(event, stream, context);
      if (!stream.writableFinished) await new Promise((resolve) => stream.once('finish', resolve));
      report({ phase: 'invoke', loadMs: loaded.loadMs, streamed: true, result: stream.response() });
    } else {
      const result = await loaded.handler(event, context);
      report({ phase: 'invoke', loadMs: loaded.loadMs, streamed: false, result: result ?? null });
    }
  } catch (err) {
    report({ phase: 'invoke', loadMs: loaded.loadMs, error: describeError(err) });
  }
  // Like a frozen Lambda container: whatever is still pending (keep-alive sockets, timers) is cut,
  // once the report is out: to a pipe, stdout is asynchronous, and exiting sooner would cut a
  // large answer (the provider listing) short.
  process.stderr.write(`handler finished in ${Date.now() - started} ms\n`);
  process.stdout.write('', () => process.exit(0));
}

if (mode === 'load') {
  const { loadMs, loadCpuMs } = loadHandler();
  const outside = [...outsideModules].sort();
  process.stdout.write(`${JSON.stringify({ loadMs, loadCpuMs, outsideModules: outside })}\n`);
  process.exit(0);
} else if (mode === 'invoke') {
  invoke();
} else {
  process.stderr.write('usage: lambda-bootstrap.cjs load <dir> | invoke <dir> <event.json> <timeout ms>\n');
  process.exit(2);
}
