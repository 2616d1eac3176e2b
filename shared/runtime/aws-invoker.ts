import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { AsyncInvoker } from './adapters';

/**
 * Starts the execution function with Lambda's `Event` invocation type: Lambda queues the
 * payload and answers 202 at once, so the caller never waits for the run.
 */
export class AwsAsyncInvoker implements AsyncInvoker {
  constructor(
    private readonly client: LambdaClient,
    private readonly functionName: string,
  ) {}

  async invoke(payload: unknown): Promise<void> {
    const out = await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(payload), 'utf8'),
      }),
    );
    if (out.StatusCode !== 202) {
      throw new Error(`Asynchronous invoke of ${this.functionName} answered ${out.StatusCode ?? 'nothing'}`);
    }
  }
}
