import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { selfInvoker } from '../../../../shared/engine/edges';
import { AwsAsyncInvoker } from '../../../../shared/runtime/aws-invoker';

describe('AwsAsyncInvoker', () => {
  const lambda = mockClient(LambdaClient);
  const invoker = new AwsAsyncInvoker(new LambdaClient({ region: 'us-east-1' }), 'flowgate-ExecuteRun');

  beforeEach(() => lambda.reset());

  it('invokes the function with InvocationType Event and the JSON payload', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    await invoker.invoke({ source: 'flowgate.run', runId: 'run_1' });
    const input = lambda.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(input.FunctionName).toBe('flowgate-ExecuteRun');
    expect(input.InvocationType).toBe('Event');
    expect(JSON.parse(Buffer.from(input.Payload as Uint8Array).toString('utf8'))).toEqual({
      source: 'flowgate.run',
      runId: 'run_1',
    });
  });

  it('fails when Lambda does not accept the event', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200 });
    await expect(invoker.invoke({})).rejects.toThrow('answered 200');
  });

  it('lets the execution function hand a run to itself by the name Lambda gives it', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    await selfInvoker('flowgate-ExecuteRun-abc')().invoke({ source: 'flowgate.run' });
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input).toMatchObject({
      FunctionName: 'flowgate-ExecuteRun-abc',
      InvocationType: 'Event',
    });
  });
});
