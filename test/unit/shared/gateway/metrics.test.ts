import { RequestMetrics } from '../../../../shared/gateway/metrics';

/** The EMF lines Powertools writes to stdout while `fn` runs. */
function emitted(fn: () => void): Array<Record<string, unknown>> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const definitionOf = (line: Record<string, unknown>) =>
  (
    line._aws as {
      CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: unknown[] }>;
    }
  ).CloudWatchMetrics[0];

describe('RequestMetrics', () => {
  it('writes one EMF line per dimension set, in the Flowgate namespace', () => {
    const metrics = new RequestMetrics();
    metrics.routed('morpheus/llama');
    metrics.sessionOpened('morpheus', 'automated', 'automation', 42);
    metrics.chatCompleted(true, 120);
    metrics.firstByte(true, 30);
    metrics.upstreamError('server_error');
    metrics.upstreamError('server_error');
    const lines = emitted(() => metrics.flush());

    const byMetric = (name: string) => lines.find((l) => name in l) as Record<string, unknown>;
    expect(byMetric('RoutedRequests')).toMatchObject({
      service: 'flowgate',
      RoutedModel: 'morpheus/llama',
      RoutedRequests: 1,
    });
    expect(byMetric('AutomatedSessionCreations')).toMatchObject({
      Backend: 'morpheus',
      AutomatedSessionCreations: 1,
    });
    expect(byMetric('SessionCreations')).toMatchObject({
      Backend: 'morpheus',
      Reason: 'automation',
      SessionCreations: 1,
    });
    expect(byMetric('SessionCreationLatency')).toMatchObject({
      Automated: 'true',
      SessionCreationLatency: 42,
    });
    // A request's own metrics share one line, by Automated and by RoutedModel.
    expect(byMetric('ChatLatency')).toBe(byMetric('RoutedRequests'));
    expect(byMetric('ChatLatency')).toMatchObject({
      Automated: 'true',
      RoutedModel: 'morpheus/llama',
      ChatLatency: 120,
      ChatTimeToFirstByte: 30,
    });
    // The same metric twice in one request is one line with both values.
    expect(byMetric('UpstreamErrors')).toMatchObject({ ErrorType: 'server_error', UpstreamErrors: [1, 1] });
    expect(lines).toHaveLength(5);

    const chat = definitionOf(byMetric('ChatLatency'))!;
    expect(chat.Namespace).toBe('Flowgate');
    expect(chat.Dimensions).toEqual([
      ['service', 'Automated'],
      ['service', 'RoutedModel'],
    ]);
    expect(chat.Metrics).toEqual([
      { Name: 'ChatLatency', Unit: 'Milliseconds' },
      { Name: 'ChatTimeToFirstByte', Unit: 'Milliseconds' },
      { Name: 'RoutedRequests', Unit: 'Count' },
    ]);
  });

  it('counts manual sessions without calling them automated', () => {
    const metrics = new RequestMetrics();
    metrics.sessionOpened('direct', 'manual', 'manual', 5);
    metrics.chatCompleted(false, 10);
    const lines = emitted(() => metrics.flush());
    expect(lines.some((l) => 'AutomatedSessionCreations' in l)).toBe(false);
    expect(lines.find((l) => 'ChatLatency' in l)).toMatchObject({ Automated: 'false' });
    expect(lines.find((l) => 'ChatLatency' in l)).not.toHaveProperty('RoutedModel');
    expect(lines.find((l) => 'SessionCreations' in l)).toMatchObject({ Backend: 'direct', Reason: 'manual' });
  });

  it('counts a failed open by backend and error type, next to the upstream error', () => {
    const metrics = new RequestMetrics();
    metrics.upstreamError('timeout');
    metrics.sessionOpenFailed('morpheus', 'timeout');
    const lines = emitted(() => metrics.flush());
    const failure = lines.find((l) => 'SessionCreationFailures' in l) as Record<string, unknown>;
    expect(failure).toMatchObject({ Backend: 'morpheus', ErrorType: 'timeout', SessionCreationFailures: 1 });
    expect(definitionOf(failure)).toMatchObject({
      Namespace: 'Flowgate',
      Dimensions: [['service', 'Backend', 'ErrorType']],
      Metrics: [{ Name: 'SessionCreationFailures', Unit: 'Count' }],
    });
    expect(lines.find((l) => 'UpstreamErrors' in l)).toMatchObject({
      ErrorType: 'timeout',
      UpstreamErrors: 1,
    });
    expect(lines.find((l) => 'UpstreamErrors' in l)).not.toHaveProperty('Backend');
  });

  it('writes nothing when nothing was recorded, and nothing twice', () => {
    const metrics = new RequestMetrics();
    expect(emitted(() => metrics.flush())).toEqual([]);
    metrics.routed('x');
    expect(emitted(() => metrics.flush())).toHaveLength(1);
    expect(emitted(() => metrics.flush())).toEqual([]);
  });
});
