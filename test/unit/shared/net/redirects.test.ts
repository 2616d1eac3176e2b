import { redirectRequest, retryAfterMs } from '../../../../shared/net/redirects';
import type { OutboundResponse } from '../../../../shared/providers/types';
import { createOutboundHttp, GuardedHttp, outboundHttp } from '../../../../shared/net/outbound-http';

describe('redirectRequest', () => {
  const from = new URL('https://a.example/start');
  const hop = { url: from.toString(), method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' };
  const redirect = (status: number, location?: string): OutboundResponse => ({
    status,
    headers: location ? { location } : {},
    body: '',
  });

  it.each([
    [301, 'PUT', 'x'],
    [302, 'PUT', 'x'],
    [303, 'GET', undefined],
    [307, 'PUT', 'x'],
    [308, 'PUT', 'x'],
  ])('%i keeps a PUT as %s', (status, method, body) => {
    expect(redirectRequest(hop, from, redirect(status, '/next'))).toMatchObject({
      url: 'https://a.example/next',
      method,
      body,
    });
  });

  it('turns POST into GET on 301 and 302', () => {
    const post = { ...hop, method: 'POST' };
    expect(redirectRequest(post, from, redirect(301, '/n'))).toMatchObject({
      method: 'GET',
      body: undefined,
    });
    expect(redirectRequest(post, from, redirect(302, '/n'))?.headers['content-type']).toBeUndefined();
  });

  it('keeps HEAD a HEAD on 303', () => {
    expect(redirectRequest({ ...hop, method: 'HEAD' }, from, redirect(303, '/n'))).toMatchObject({
      method: 'HEAD',
    });
  });

  it('is done when the response is not a redirect or has no Location', () => {
    expect(redirectRequest(hop, from, redirect(200, '/n'))).toBeUndefined();
    expect(redirectRequest(hop, from, redirect(302))).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['7', 7000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p -> %p', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

describe('the configured client', () => {
  it('is one guarded client per process', () => {
    expect(outboundHttp()).toBeInstanceOf(GuardedHttp);
    expect(outboundHttp()).toBe(outboundHttp());
    expect(createOutboundHttp({ allowCidrs: '' })).not.toBe(outboundHttp());
  });
});
