import { randomBytes } from 'node:crypto';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/local-stack';
import { observeContract } from './contract-check';

/**
 * The end-to-end harness: the same startLocalStack() that `npm start` runs, in memory,
 * on free ports, against the DynamoDB Local the jest global setup started. Each stack
 * gets its own schedule group, so stacks sharing the table never fire each other's schedules,
 * and none runs the sweeper on its timer, which would settle other files' runs too.
 */
export async function startTestStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stack = await startLocalStack({
    port: 0,
    inMemory: true,
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT,
    tableName: process.env.TABLE_NAME,
    scheduleGroup: `test-${randomBytes(4).toString('hex')}`,
    sweep: false,
    ...options,
  });
  // Every response is checked against the API contract (see ./contract-setup.ts).
  stack.api.observeResponses(observeContract);
  return stack;
}
