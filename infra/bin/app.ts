import { App } from 'aws-cdk-lib';
import { FlowgateStack, STACK_NAME } from '../stack';

// Environment-agnostic: account and region come from the deploying credentials.
const app = new App();
new FlowgateStack(app, STACK_NAME, {
  description: 'Flowgate: serverless LLM gateway and automation engine',
  tracing: app.node.tryGetContext('flowgate:tracing') === true,
});
app.synth();
