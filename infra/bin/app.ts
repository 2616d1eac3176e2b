import { App } from 'aws-cdk-lib';
import { FlowgateStack } from '../stack';
import { DEFAULT_STAGE, contextBoolean, loadStage, stackNameOf } from '../stage-config';

// `cdk deploy -c stage=prod`: one stack per stage, Flowgate-<stage>, from config/stages/<stage>.json.
const app = new App();
const stage = loadStage(String(app.node.tryGetContext('stage') ?? DEFAULT_STAGE));
// `-c flowgate:tracing=true|false` overrides the stage file for one synth (context is a string there).
const tracing = contextBoolean(app.node.tryGetContext('flowgate:tracing'), 'flowgate:tracing');
if (tracing !== undefined) stage.config.tracing = tracing;
const { account, region } = stage.config;
new FlowgateStack(app, stackNameOf(stage.config), {
  stage,
  description: `Flowgate (${stage.config.name}): serverless LLM gateway and automation engine`,
  // Unpinned stages deploy wherever the credentials point; a pinned one refuses anywhere else.
  ...(account || region ? { env: { account, region } } : {}),
});
app.synth();
