import { stageWildcardArn } from '../../../../shared/identity/authorize';

describe('stageWildcardArn', () => {
  it('allows every method and path of the same API and stage, so a cached policy fits any route', () => {
    expect(
      stageWildcardArn('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/api/v1/auth/keys'),
    ).toBe('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/*/*');
    expect(stageWildcardArn('arn:aws:execute-api:us-east-1:000000000000:local/local/GET/api/health')).toBe(
      'arn:aws:execute-api:us-east-1:000000000000:local/local/*/*',
    );
  });
});
