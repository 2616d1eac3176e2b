import { createHash } from 'node:crypto';

/**
 * Turns CloudFormation values (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select) into the
 * plain strings a function would see once deployed, with local stand-ins for the
 * resources: so a function's environment can be rebuilt from its template alone.
 */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface LocalValues {
  resources: Record<string, TemplateResource>;
  /** Exact values for some logical ids' Ref (the test table's name, for one). */
  refs?: Record<string, string>;
}

const PSEUDO: Record<string, string> = {
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::Region': LOCAL_REGION,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'Flowgate-local',
  'AWS::StackId': `arn:aws:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stack/Flowgate-local/local`,
  'AWS::NoValue': '',
};

/** The resource's name as CloudFormation would return it: the one it was given, else the logical id. */
function nameOf(logicalId: string, resource: TemplateResource): string {
  const p = resource.Properties ?? {};
  for (const key of ['FunctionName', 'TableName', 'QueueName', 'RoleName', 'Name', 'AliasName']) {
    if (typeof p[key] === 'string') return p[key] as string;
  }
  return `local-${logicalId}`;
}

function arnOf(logicalId: string, resource: TemplateResource): string {
  const name = nameOf(logicalId, resource);
  const at = `${LOCAL_REGION}:${LOCAL_ACCOUNT}`;
  switch (resource.Type) {
    case 'AWS::Lambda::Function':
      return `arn:aws:lambda:${at}:function:${name}`;
    case 'AWS::IAM::Role':
      return `arn:aws:iam::${LOCAL_ACCOUNT}:role/${name}`;
    case 'AWS::SQS::Queue':
      return `arn:aws:sqs:${at}:${name}`;
    case 'AWS::DynamoDB::Table':
      return `arn:aws:dynamodb:${at}:table/${name}`;
    case 'AWS::KMS::Key':
      return `arn:aws:kms:${at}:key/${keyIdOf(logicalId)}`;
    case 'AWS::SecretsManager::Secret':
      return `arn:aws:secretsmanager:${at}:secret:${name}-AbCdEf`;
    case 'AWS::Scheduler::ScheduleGroup':
      return `arn:aws:scheduler:${at}:schedule-group/${name}`;
    default: {
      const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
      return `arn:aws:${service}:${at}:${logicalId}`;
    }
  }
}

/** A key id shaped like KMS's (a UUID), stable per logical id. */
function keyIdOf(logicalId: string): string {
  const hex = createHash('sha256').update(logicalId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What `Ref` returns differs by type: a name, an id, an ARN or a URL. */
function refOf(logicalId: string, values: LocalValues): string {
  if (logicalId in PSEUDO) return PSEUDO[logicalId] as string;
  if (values.refs && logicalId in values.refs) return values.refs[logicalId] as string;
  const resource = values.resources[logicalId];
  if (!resource) throw new Error(`Ref to ${logicalId}, which is neither a resource nor a pseudo parameter`);
  switch (resource.Type) {
    case 'AWS::KMS::Key':
      return keyIdOf(logicalId);
    case 'AWS::SecretsManager::Secret':
      return arnOf(logicalId, resource);
    case 'AWS::SQS::Queue':
      return `https://sqs.${LOCAL_REGION}.amazonaws.com/${LOCAL_ACCOUNT}/${nameOf(logicalId, resource)}`;
    default:
      return nameOf(logicalId, resource);
  }
}

function getAttOf(logicalId: string, attribute: string, values: LocalValues): string {
  const resource = values.resources[logicalId];
  if (!resource) throw new Error(`Fn::GetAtt on ${logicalId}, which is not a resource`);
  if (attribute === 'Arn') return arnOf(logicalId, resource);
  if (attribute === 'Name' || attribute === 'QueueName') return nameOf(logicalId, resource);
  if (attribute === 'KeyId') return keyIdOf(logicalId);
  if (attribute === 'QueueUrl') return refOf(logicalId, values);
  throw new Error(`No local value for Fn::GetAtt ${logicalId}.${attribute}`);
}

/** `${Name}` and `${Logical.Attribute}` are replaced; `${!Literal}` stands for the text `${Literal}`. */
function substitute(template: string, variables: Record<string, unknown>, values: LocalValues): string {
  return template.replace(/\$\{(!?)([^}]*)\}/g, (_, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    if (name in variables) return resolveValue(variables[name], values);
    const [id, attribute] = name.split('.') as [string, string | undefined];
    return attribute ? getAttOf(id, attribute, values) : refOf(id, values);
  });
}

/** The plain string a CloudFormation value becomes; throws on anything it cannot stand in for. */
export function resolveValue(value: unknown, values: LocalValues): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`Not a CloudFormation scalar: ${JSON.stringify(value)}`);
  const entries = Object.entries(value as Record<string, unknown>);
  const [fn, arg] = entries[0] ?? [];
  if (entries.length !== 1 || fn === undefined) throw new Error(`Not an intrinsic: ${JSON.stringify(value)}`);
  switch (fn) {
    case 'Ref':
      return refOf(String(arg), values);
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(arg) ? arg : String(arg).split('.');
      return getAttOf(String(id), String(attribute), values);
    }
    case 'Fn::Join': {
      const [separator, parts] = arg as [string, unknown[]];
      return parts.map((p) => resolveValue(p, values)).join(separator);
    }
    case 'Fn::Sub': {
      const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
      return substitute(String(text), variables as Record<string, unknown>, values);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = Array.isArray(list) ? list.map((i) => resolveValue(i, values)) : splitOf(list, values);
      const chosen = items[Number(resolveValue(index, values))];
      if (chosen === undefined) throw new Error(`Fn::Select index out of range: ${JSON.stringify(value)}`);
      return chosen;
    }
    default:
      throw new Error(`No local stand-in for ${fn}: ${JSON.stringify(value)}`);
  }
}

function splitOf(value: unknown, values: LocalValues): string[] {
  const split = (value as Record<string, unknown>)?.['Fn::Split'] as [string, unknown] | undefined;
  if (!split) throw new Error(`Fn::Select needs a list or Fn::Split: ${JSON.stringify(value)}`);
  return resolveValue(split[1], values).split(split[0]);
}

/** A function's Environment.Variables with every reference replaced by its local value. */
export function resolveEnvironment(
  variables: Record<string, unknown>,
  values: LocalValues,
): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, resolveValue(v, values)]));
}
