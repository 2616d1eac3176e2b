import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { CONTRACT_COVERAGE_ENV } from './contract-check';

declare global {
  var __FLOWGATE_DDB__: { stop(): Promise<void> } | undefined;
}

/** One in-memory DynamoDB Local for the whole run, on a free port, with the real table. */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const ddb = await startDynamoDbLocal();
  globalThis.__FLOWGATE_DDB__ = ddb;
  process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
  process.env.TABLE_NAME = 'flowgate-test';
  process.env[CONTRACT_COVERAGE_ENV] = mkdtempSync(path.join(tmpdir(), 'flowgate-contract-'));
  try {
    await ensureTable(ddb.endpoint, process.env.TABLE_NAME);
  } catch (err) {
    await ddb.stop();
    throw err;
  }
}
