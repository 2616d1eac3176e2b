import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a bundle's SDK sent, attributed through the access key id it signed with. */
export interface AwsCall {
  accessKeyId: string;
  service: string;
  operation: string;
  status: number;
  /** The AWS error code answered, if any (ResourceNotFoundException, …). */
  errorType?: string;
  /** What an asynchronous Lambda invoke carried: the event the invoked function gets. */
  payload?: unknown;
}

export interface FakeAws {
  /** For AWS_ENDPOINT_URL: every SDK client without an explicit endpoint comes here. */
  url: string;
  calls: AwsCall[];
  /** Secrets Manager values by secret ARN (or name), as GetSecretValue answers them. */
  secrets: Map<string, string>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  errorType?: string;
}

const ok = (body: unknown = {}, status = 200): Reply => ({ status, body });
const fail = (status: number, errorType: string, message: string): Reply => ({
  status,
  errorType,
  body: { __type: errorType, message, Message: message },
});

/** Credential=<key id>/<date>/<region>/<service>/aws4_request in a SigV4 Authorization header. */
function signer(req: IncomingMessage): { accessKeyId: string; service: string } {
  const match = /Credential=([^/]+)\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(
    req.headers.authorization ?? '',
  );
  return { accessKeyId: match?.[1] ?? 'unsigned', service: match?.[2] ?? 'unknown' };
}

/**
 * KMS with a transparent "ciphertext": the plaintext and its encryption context, so that
 * Decrypt can refuse a different context the way KMS does. Never a real cipher.
 */
function kms(operation: string, input: Record<string, unknown>): Reply {
  if (operation === 'Encrypt') {
    const sealed = { keyId: input.KeyId, context: input.EncryptionContext ?? {}, plaintext: input.Plaintext };
    return ok({ KeyId: input.KeyId, CiphertextBlob: Buffer.from(JSON.stringify(sealed)).toString('base64') });
  }
  if (operation === 'Decrypt') {
    let sealed: { keyId?: unknown; context?: unknown; plaintext?: unknown };
    try {
      sealed = JSON.parse(Buffer.from(String(input.CiphertextBlob), 'base64').toString('utf8'));
    } catch {
      return fail(400, 'InvalidCiphertextException', 'not a ciphertext of this fake');
    }
    if (JSON.stringify(sealed.context) !== JSON.stringify(input.EncryptionContext ?? {}))
      return fail(400, 'InvalidCiphertextException', 'encryption context does not match');
    return ok({ KeyId: sealed.keyId, Plaintext: sealed.plaintext });
  }
  return fail(400, 'UnknownOperationException', `fake KMS does not implement ${operation}`);
}

function secretsManager(operation: string, input: Record<string, unknown>, secrets: Map<string, string>) {
  const id = String(input.SecretId ?? '');
  if (operation !== 'GetSecretValue')
    return fail(400, 'UnknownOperationException', `fake Secrets Manager does not implement ${operation}`);
  const value = secrets.get(id);
  if (value === undefined) return fail(400, 'ResourceNotFoundException', `no secret ${id}`);
  return ok({
    ARN: id,
    Name: id,
    SecretString: value,
    VersionId: 'local',
    VersionStages: ['AWSCURRENT'],
  });
}

/** Lambda: asynchronous invokes are queued (202), as Lambda answers them. */
function lambda(method: string, url: URL, req: IncomingMessage): { operation: string; reply: Reply } {
  const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
  if (method === 'POST' && invoke) {
    const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    return type === 'Event'
      ? { operation: 'Invoke(Event)', reply: { status: 202 } }
      : {
          operation: `Invoke(${type})`,
          reply: fail(400, 'InvalidRequestContentException', 'fake: Event only'),
        };
  }
  return {
    operation: `${method} ${url.pathname}`,
    reply: fail(400, 'UnknownOperationException', 'fake Lambda'),
  };
}

/** EventBridge Scheduler (REST JSON), with the schedules it was given kept in memory. */
function scheduler(
  method: string,
  url: URL,
  input: Record<string, unknown>,
  schedules: Map<string, Record<string, unknown>>,
): { operation: string; reply: Reply } {
  const one = /^\/schedules\/([^/]+)$/.exec(url.pathname);
  const group = url.searchParams.get('groupName') ?? String(input.GroupName ?? 'default');
  if (url.pathname === '/schedules' && method === 'GET') {
    const prefix = url.searchParams.get('NamePrefix') ?? '';
    const inGroup = url.searchParams.get('ScheduleGroup');
    const list = [...schedules.values()].filter(
      (s) => String(s.Name).startsWith(prefix) && (!inGroup || s.GroupName === inGroup),
    );
    return {
      operation: 'ListSchedules',
      reply: ok({ Schedules: list.map(({ Name, State }) => ({ Name, State })) }),
    };
  }
  if (!one)
    return { operation: `${method} ${url.pathname}`, reply: fail(400, 'ValidationException', 'fake') };
  const name = decodeURIComponent(one[1] as string);
  const key = `${group}/${name}`;
  const arn = `arn:aws:scheduler:us-east-1:000000000000:schedule/${group}/${name}`;
  switch (method) {
    case 'POST':
      if (schedules.has(key))
        return { operation: 'CreateSchedule', reply: fail(409, 'ConflictException', key) };
      schedules.set(key, { ...input, Name: name, GroupName: group, Arn: arn });
      return { operation: 'CreateSchedule', reply: ok({ ScheduleArn: arn }) };
    case 'PUT':
      if (!schedules.has(key))
        return { operation: 'UpdateSchedule', reply: fail(404, 'ResourceNotFoundException', key) };
      schedules.set(key, { ...input, Name: name, GroupName: group, Arn: arn });
      return { operation: 'UpdateSchedule', reply: ok({ ScheduleArn: arn }) };
    case 'GET': {
      const found = schedules.get(key);
      return {
        operation: 'GetSchedule',
        reply: found ? ok(found) : fail(404, 'ResourceNotFoundException', key),
      };
    }
    case 'DELETE':
      if (!schedules.delete(key))
        return { operation: 'DeleteSchedule', reply: fail(404, 'ResourceNotFoundException', key) };
      return { operation: 'DeleteSchedule', reply: ok({}) };
    default:
      return { operation: `${method} ${url.pathname}`, reply: fail(400, 'ValidationException', 'fake') };
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The AWS services other than DynamoDB that Flowgate's functions call, on loopback: KMS,
 * Lambda (asynchronous invoke), EventBridge Scheduler and Secrets Manager, each answering
 * only the operations Flowgate sends. Anything else is an error the caller sees and the
 * test can read in `calls`, so an unexpected service is never silently answered.
 */
export async function startFakeAws(): Promise<FakeAws> {
  const calls: AwsCall[] = [];
  const schedules = new Map<string, Record<string, unknown>>();
  const secrets = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-aws');
    const method = req.method ?? 'GET';
    const { accessKeyId, service } = signer(req);
    const input = await readJson(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    let operation = target.split('.').pop() ?? '';
    let reply: Reply;
    if (service === 'kms') reply = kms(operation, input);
    else if (service === 'secretsmanager') reply = secretsManager(operation, input, secrets);
    else if (service === 'lambda') ({ operation, reply } = lambda(method, url, req));
    else if (service === 'scheduler') ({ operation, reply } = scheduler(method, url, input, schedules));
    else reply = fail(400, 'UnrecognizedClientException', `fake AWS does not implement ${service}`);
    calls.push({
      accessKeyId,
      service,
      operation: operation || `${method} ${url.pathname}`,
      status: reply.status,
      ...(reply.errorType ? { errorType: reply.errorType } : {}),
      ...(service === 'lambda' ? { payload: input } : {}),
    });
    const json = service === 'kms' || service === 'secretsmanager';
    res.writeHead(reply.status, {
      'content-type': json ? 'application/x-amz-json-1.1' : 'application/json',
      'x-amzn-requestid': `fake-${calls.length}`,
      ...(reply.errorType ? { 'x-amzn-errortype': reply.errorType } : {}),
    });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ __type: 'InternalFailure', message: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
