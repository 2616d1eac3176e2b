import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FlowgateStack, type FlowgateStackProps } from '../../infra/stack';
import { parseStage, stackNameOf, type Stage } from '../../infra/stage-config';

export interface SynthOptions extends Partial<FlowgateStackProps> {
  /** Run esbuild for real. Off by default: most tests read the template only. */
  bundle?: boolean;
}

/**
 * The stage the infra tests synthesize unless they pass their own: both backends
 * configured (so every shipped model routes somewhere), everything else at its default.
 */
export function testStage(overrides: Record<string, unknown> = {}): Stage {
  return parseStage({
    name: 'test',
    upstream: { baseUrl: 'https://upstream.example/v1' },
    morpheus: { routerUrl: 'https://router.example', username: 'flowgate' },
    ...overrides,
  });
}

export interface Synthesized {
  app: App;
  stack: FlowgateStack;
  template: Template;
}

/** The stack as `cdk synth` builds it (asset metadata on, as the CLI sets it for SAM). */
export function synthFlowgate(options: SynthOptions = {}): Synthesized {
  const { bundle = false, ...props } = options;
  const app = new App({
    context: {
      'aws:cdk:enable-asset-metadata': true,
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stage = props.stage ?? testStage();
  const stack = new FlowgateStack(app, stackNameOf(stage.config), { ...props, stage });
  return { app, stack, template: Template.fromStack(stack) };
}

export type Resource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

export function resourcesOfType(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export function resource(template: Template, logicalId: string): Resource {
  const found = (template.toJSON() as { Resources: Record<string, Resource> }).Resources[logicalId];
  if (!found) throw new Error(`No resource ${logicalId}`);
  return found;
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** Every identity-policy statement of a role: its inline policies and the AWS::IAM::Policy resources attached to it. */
export function roleStatements(template: Template, roleLogicalId: string): Statement[] {
  const inline = (
    (resource(template, roleLogicalId).Properties.Policies ?? []) as Array<{
      PolicyDocument: { Statement: Statement[] };
    }>
  ).flatMap((p) => p.PolicyDocument.Statement);
  const attached = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  return [...inline, ...attached];
}

/** The statements of a function's execution role (the function's logical id is its route name). */
export function functionStatements(template: Template, functionName: string): Statement[] {
  const role = resource(template, functionName).Properties.Role as { 'Fn::GetAtt': [string, string] };
  return roleStatements(template, role['Fn::GetAtt'][0]);
}

export function functionEnv(template: Template, functionName: string): Record<string, unknown> {
  const env = resource(template, functionName).Properties.Environment as {
    Variables: Record<string, unknown>;
  };
  return env.Variables;
}

/** Does this CloudFormation value mention the logical id (Ref or GetAtt, at any depth)? */
export function references(value: unknown, logicalId: string): boolean {
  const json = JSON.stringify(value);
  return json.includes(`{"Ref":"${logicalId}"}`) || json.includes(`"Fn::GetAtt":["${logicalId}",`);
}
