import {
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  resolveEnvironment,
  resolveValue,
  type LocalValues,
} from '../../support/lambda-bundles/template-values';

const values: LocalValues = {
  resources: {
    Data: { Type: 'AWS::DynamoDB::Table' },
    Key: { Type: 'AWS::KMS::Key' },
    Runner: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'flowgate-test-Runner' } },
    Queue: { Type: 'AWS::SQS::Queue' },
    Secret: { Type: 'AWS::SecretsManager::Secret' },
    Role: { Type: 'AWS::IAM::Role' },
  },
  refs: { Data: 'table-under-test' },
};

describe('resolveValue', () => {
  it('keeps literals and gives each Ref what CloudFormation would return for its type', () => {
    expect(resolveValue('plain', values)).toBe('plain');
    expect(resolveValue(30, values)).toBe('30');
    expect(resolveValue({ Ref: 'Data' }, values)).toBe('table-under-test');
    expect(resolveValue({ Ref: 'Runner' }, values)).toBe('flowgate-test-Runner');
    expect(resolveValue({ Ref: 'Key' }, values)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(resolveValue({ Ref: 'Secret' }, values)).toMatch(
      /^arn:aws:secretsmanager:us-east-1:\d{12}:secret:/,
    );
    expect(resolveValue({ Ref: 'Queue' }, values)).toBe(
      `https://sqs.${LOCAL_REGION}.amazonaws.com/${LOCAL_ACCOUNT}/local-Queue`,
    );
    expect(resolveValue({ Ref: 'AWS::Region' }, values)).toBe(LOCAL_REGION);
  });

  it('gives a key the same id through Ref and inside its ARN', () => {
    const id = resolveValue({ Ref: 'Key' }, values);
    expect(resolveValue({ 'Fn::GetAtt': ['Key', 'Arn'] }, values)).toBe(
      `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/${id}`,
    );
  });

  it('resolves GetAtt, Join, Sub and Select, nested', () => {
    expect(resolveValue({ 'Fn::GetAtt': ['Runner', 'Arn'] }, values)).toBe(
      `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:flowgate-test-Runner`,
    );
    expect(resolveValue({ 'Fn::GetAtt': 'Role.Arn' }, values)).toBe(
      `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-Role`,
    );
    expect(resolveValue({ 'Fn::Join': ['/', ['a', { Ref: 'Data' }]] }, values)).toBe('a/table-under-test');
    expect(
      resolveValue(
        { 'Fn::Sub': ['${Runner.Arn}:${Alias}/${AWS::AccountId}', { Alias: { Ref: 'Data' } }] },
        values,
      ),
    ).toBe(
      `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:flowgate-test-Runner:table-under-test/${LOCAL_ACCOUNT}`,
    );
    expect(resolveValue({ 'Fn::Sub': 'keep ${!Literal}' }, values)).toBe('keep ${Literal}');
    expect(
      resolveValue(
        { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Runner', 'Arn'] }] }] },
        values,
      ),
    ).toBe('aws');
  });

  it('refuses what it has no stand-in for, naming it, instead of inventing a value', () => {
    expect(() => resolveValue({ Ref: 'Missing' }, values)).toThrow(/Missing/);
    expect(() => resolveValue({ 'Fn::GetAtt': ['Data', 'StreamArn'] }, values)).toThrow(/Data\.StreamArn/);
    expect(() => resolveValue({ 'Fn::ImportValue': 'Shared' }, values)).toThrow(/Fn::ImportValue/);
    expect(() => resolveValue({ 'Fn::Select': [5, ['a']] }, values)).toThrow(/out of range/);
  });
});

it('resolveEnvironment resolves every variable of a function', () => {
  expect(resolveEnvironment({ TABLE_NAME: { Ref: 'Data' }, LOG_LEVEL: 'info' }, values)).toEqual({
    TABLE_NAME: 'table-under-test',
    LOG_LEVEL: 'info',
  });
});
