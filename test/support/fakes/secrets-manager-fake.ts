import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { jsonBody, startFakeServer, type FakeServer, type RecordedRequest } from './fake-server';

interface Version {
  id: string;
  value: string;
  created: number;
}

interface StoredSecret {
  name: string;
  arn: string;
  created: number;
  lastChanged: number;
  versions: Version[];
}

/** One request the SDK sent, decoded: the operation (X-Amz-Target) and its JSON input. */
export interface SecretsManagerCall {
  operation: string;
  input: Record<string, unknown>;
  /** The SigV4 credential scope's service, to show the real SDK signed it. */
  signedFor?: string;
}

export interface SecretsManagerFake {
  url: string;
  server: FakeServer;
  /** Every call so far, in order. */
  calls(): SecretsManagerCall[];
  /** Creates a secret (with a first value unless undefined) and returns its ARN. */
  create(name: string, value?: string): string;
  /** A new current version, as the console or a rotation would make it. */
  rotate(nameOrArn: string, value: string): void;
  /** The current value, for asserting what a command wrote. */
  valueOf(nameOrArn: string): string | undefined;
  /** GetSecretValue of this secret answers AccessDeniedException from now on. */
  deny(nameOrArn: string): void;
  close(): Promise<void>;
}

const SIX = () => randomUUID().replace(/-/g, '').slice(0, 6);
const seconds = (ms: number) => ms / 1000;

/**
 * AWS Secrets Manager on loopback, speaking its JSON 1.1 wire protocol (`POST /`,
 * `X-Amz-Target: secretsmanager.<Operation>`): GetSecretValue, PutSecretValue and
 * DescribeSecret, with AWS's error shapes. Secrets are found by name or full ARN.
 */
export async function startSecretsManagerFake(): Promise<SecretsManagerFake> {
  const secrets = new Map<string, StoredSecret>();
  const denied = new Set<string>();
  const find = (id: unknown) =>
    [...secrets.values()].find((s) => s.name === id || s.arn === id) as StoredSecret | undefined;
  const current = (s: StoredSecret) => s.versions.at(-1);
  const addVersion = (s: StoredSecret, value: string) => {
    const now = Date.now();
    s.versions.push({ id: randomUUID(), value, created: now });
    s.lastChanged = now;
  };

  const reply = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, errorType: string, message: string) =>
    reply(res, 400, { __type: errorType, message }, errorType);

  const handle = (req: RecordedRequest, res: ServerResponse) => {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
    if (req.method !== 'POST' || req.path !== '/')
      return fail(res, 'UnknownOperationException', `${req.method} ${req.path}`);
    const input = jsonBody(req);
    const secret = find(input.SecretId);
    if (!secret)
      return fail(res, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    const version = current(secret);
    switch (operation) {
      case 'GetSecretValue':
        if (denied.has(secret.arn))
          return fail(
            res,
            'AccessDeniedException',
            `not authorized to perform GetSecretValue on ${secret.arn}`,
          );
        if (!version)
          return fail(
            res,
            'ResourceNotFoundException',
            "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
          );
        return reply(res, 200, {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: version.id,
          SecretString: version.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: seconds(version.created),
        });
      case 'PutSecretValue': {
        if (typeof input.SecretString !== 'string')
          return fail(res, 'InvalidParameterException', 'SecretString is required');
        addVersion(secret, input.SecretString);
        return reply(res, 200, {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: current(secret)!.id,
          VersionStages: ['AWSCURRENT'],
        });
      }
      case 'DescribeSecret':
        return reply(res, 200, {
          ARN: secret.arn,
          Name: secret.name,
          CreatedDate: seconds(secret.created),
          LastChangedDate: seconds(secret.lastChanged),
          VersionIdsToStages: Object.fromEntries(
            secret.versions.map((v) => [v.id, v === version ? ['AWSCURRENT'] : []]),
          ),
        });
      default:
        return fail(res, 'UnknownOperationException', `the fake does not implement ${operation}`);
    }
  };

  const server = await startFakeServer(handle);
  const must = (id: string) => {
    const secret = find(id);
    if (!secret) throw new Error(`the fake has no secret ${id}`);
    return secret;
  };
  return {
    url: server.url,
    server,
    calls: () =>
      server.requests.map((r) => ({
        operation: String(r.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, ''),
        input: r.body ? jsonBody(r) : {},
        signedFor: /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(r.headers.authorization ?? '')?.[1],
      })),
    create(name, value) {
      const now = Date.now();
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-${SIX()}`;
      const secret: StoredSecret = { name, arn, created: now, lastChanged: now, versions: [] };
      secrets.set(arn, secret);
      if (value !== undefined) secret.versions.push({ id: randomUUID(), value, created: now });
      return arn;
    },
    rotate: (id, value) => addVersion(must(id), value),
    valueOf: (id) => current(must(id))?.value,
    deny: (id) => void denied.add(must(id).arn),
    close: () => server.close(),
  };
}
