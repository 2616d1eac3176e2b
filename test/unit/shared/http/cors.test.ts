/** The CORS origin every response names, with the allowed origins the stage configures. */
function corsWith(allowed: string) {
  const saved = process.env.CORS_ALLOW_ORIGIN;
  process.env.CORS_ALLOW_ORIGIN = allowed;
  let corsHeaders: typeof import('../../../../shared/http/http').corsHeaders | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    corsHeaders = (require('../../../../shared/http/http') as typeof import('../../../../shared/http/http'))
      .corsHeaders;
  });
  if (saved === undefined) delete process.env.CORS_ALLOW_ORIGIN;
  else process.env.CORS_ALLOW_ORIGIN = saved;
  return corsHeaders!;
}

describe('CORS headers', () => {
  it('answer * to everyone when any origin is allowed', () => {
    const cors = corsWith('*');
    expect(cors('https://app.example')).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(cors(undefined)).toEqual({ 'Access-Control-Allow-Origin': '*' });
  });

  it('echo a listed origin, and name the first one otherwise, varying by Origin', () => {
    const cors = corsWith('https://app.example, https://admin.example');
    expect(cors('https://admin.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://admin.example',
      Vary: 'Origin',
    });
    expect(cors('https://evil.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://app.example',
      Vary: 'Origin',
    });
    expect(cors(undefined)).toEqual({ 'Access-Control-Allow-Origin': 'https://app.example', Vary: 'Origin' });
  });
});
