import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../config/env';
import { isTransientDynamoDbError, tableUnavailable } from '../db/unavailable';

/**
 * Without timeouts a request to a table that stopped answering waits forever (Node sockets
 * have no default timeout). With them, each attempt gives up in time, the SDK retries, and
 * a table that stays away surfaces as a 503 well inside API Gateway's 29 s. The connection
 * timer also runs while a request waits for a free socket, so the pool is wide enough for
 * the local stack, where one process serves many requests at once (a Lambda serves one).
 */
export const DYNAMODB_HTTP = {
  connectionTimeout: 2000,
  requestTimeout: 5000,
  // Without it the SDK only warns when requestTimeout passes, and goes on waiting.
  throwOnRequestTimeout: true,
  httpAgent: { keepAlive: true, maxSockets: 256 },
  httpsAgent: { keepAlive: true, maxSockets: 256 },
};

export interface DocumentClientOptions {
  region?: string;
  endpoint?: string;
}

/** Builds a document client. Handlers use the cached one below; tools and tests build their own. */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const endpoint = options.endpoint ?? env.DYNAMODB_ENDPOINT;
  const client = new DynamoDBClient({
    region: options.region ?? env.AWS_REGION,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
    requestHandler: DYNAMODB_HTTP,
  });
  // Outside the retry step: only what is still failing after the SDK's retries is converted.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        throw isTransientDynamoDbError(err) ? tableUnavailable(err) : err;
      }
    },
    { step: 'initialize', name: 'flowgateTableUnavailable' },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

let cached: DynamoDBDocumentClient | undefined;

/** One client per cold start, shared by every repository in the function. */
export function documentClient(): DynamoDBDocumentClient {
  cached ??= createDocumentClient();
  return cached;
}

export interface RepositoryDeps {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export function defaultRepositoryDeps(): RepositoryDeps {
  return { client: documentClient(), tableName: env.TABLE_NAME };
}
