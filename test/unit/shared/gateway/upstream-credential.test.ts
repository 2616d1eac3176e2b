import { UpstreamCredential } from '../../../../shared/gateway/backends/upstream-credential';
import { UpstreamFailure } from '../../../../shared/gateway/backends/upstream-errors';

describe('UpstreamCredential', () => {
  it('asks the port on every call and returns what it has now', async () => {
    const values = ['key-one-0000000000', 'key-one-0000000000', 'key-two-0000000000'];
    const read = jest.fn(async () => values.shift());
    const credential = new UpstreamCredential('API key', read);
    expect(await credential.current()).toBe('key-one-0000000000');
    expect(await credential.current()).toBe('key-one-0000000000');
    expect(await credential.current()).toBe('key-two-0000000000');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('knows nothing before the first read, then the current value and the one before it', async () => {
    let value = 'first-value-000000';
    const credential = new UpstreamCredential('API key', async () => value);
    expect(credential.known).toEqual([]);
    await credential.current();
    const before = credential.known;
    expect(before).toEqual(['first-value-000000']);
    for (const next of ['second-value-00000', 'third-value-000000']) {
      value = next;
      await credential.current();
    }
    expect(credential.known).toEqual(['third-value-000000', 'second-value-00000']);
    // A list handed out earlier is a copy: it still says what was known then.
    expect(before).toEqual(['first-value-000000']);
  });

  it.each([undefined, ''])(
    'no value (%p) is an "unconfigured" failure that names what is missing',
    async (none) => {
      const err = await new UpstreamCredential('router password', async () => none)
        .current()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamFailure);
      expect(err).toMatchObject({ kind: 'unconfigured', message: 'No router password is configured' });
    },
  );

  it('a port that throws is a "credentials_unavailable" failure carrying the cause', async () => {
    const cause = new Error('AccessDeniedException');
    const err = await new UpstreamCredential('API key', () => Promise.reject(cause))
      .current()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'credentials_unavailable', message: 'Could not read the API key' });
    expect((err as Error).cause).toBe(cause);
  });
});
