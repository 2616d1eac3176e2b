import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../config/env';

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
  });
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
