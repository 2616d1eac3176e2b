import { BadRequestError, NotFoundError, UpstreamError } from '../../../../shared/errors';
import { GATEWAY_METRICS } from '../../../../shared/gateway/metric-names';
import {
  isServerFailure,
  METRICS_NAMESPACE,
  RequestMetrics,
  routeCounted,
} from '../../../../shared/gateway/metrics';
import { parseModelConfig } from '../../../../shared/gateway/model-config';
import { ModelRouter } from '../../../../shared/gateway/model-router';

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

describe('RequestMetrics: the automated path, routing misses and adoption', () => {
  it('counts a chat request and its server-side failure on the request line, by Automated', () => {
    const metrics = new RequestMetrics();
    metrics.routed('direct/gpt-4o');
    metrics.chatEnded(true, true);
    const lines = emitted(() => metrics.flush());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      Automated: 'true',
      RoutedModel: 'direct/gpt-4o',
      ChatRequests: 1,
      ChatErrors: 1,
    });
    expect(definitionOf(lines[0]!)!.Metrics).toEqual([
      { Name: 'ChatRequests', Unit: 'Count' },
      { Name: 'ChatErrors', Unit: 'Count' },
      { Name: 'RoutedRequests', Unit: 'Count' },
    ]);
  });

  it('counts a request that did not fail without a ChatErrors value', () => {
    const metrics = new RequestMetrics();
    metrics.chatEnded(false, false);
    const [line] = emitted(() => metrics.flush());
    expect(line).toMatchObject({ Automated: 'false', ChatRequests: 1 });
    expect(line).not.toHaveProperty('ChatErrors');
  });

  it('counts routing misses by outcome and automation flips by change, each on its own line', () => {
    const metrics = new RequestMetrics();
    metrics.routingMissed('fallback');
    metrics.automationSwitched('disabled');
    const lines = emitted(() => metrics.flush());
    const routing = lines.find((l) => 'RoutingErrors' in l)!;
    expect(routing).toMatchObject({ Outcome: 'fallback', RoutingErrors: 1 });
    expect(definitionOf(routing)!.Dimensions).toEqual([['service', 'Outcome']]);
    const change = lines.find((l) => 'AutomationSettingsChanged' in l)!;
    expect(change).toMatchObject({ Change: 'disabled', AutomationSettingsChanged: 1 });
    expect(definitionOf(change)!.Dimensions).toEqual([['service', 'Change']]);
  });

  it('writes the names the stack builds its dashboard and alarms from', () => {
    const metrics = new RequestMetrics();
    metrics.routed('x');
    metrics.chatEnded(true, true);
    metrics.routingMissed('refused');
    metrics.automationSwitched('enabled');
    const names = emitted(() => metrics.flush()).flatMap((l) =>
      (definitionOf(l)!.Metrics as { Name: string }[]).map((m) => m.Name),
    );
    expect(names.sort()).toEqual(
      [
        GATEWAY_METRICS.automationSettingsChanged,
        GATEWAY_METRICS.chatErrors,
        GATEWAY_METRICS.chatRequests,
        GATEWAY_METRICS.routedRequests,
        GATEWAY_METRICS.routingErrors,
      ].sort(),
    );
    expect(METRICS_NAMESPACE).toBe(GATEWAY_METRICS.namespace);
  });
});

describe('routeCounted', () => {
  const config = parseModelConfig(
    { default: 'direct/a', alpha: 'direct/a', beta: 'direct/b' },
    {
      'direct/a': { backend: 'direct', model: 'a' },
      'direct/b': { backend: 'direct', model: 'b' },
    },
  );
  const lenient = new ModelRouter(config, { strict: false });
  const strict = new ModelRouter(config, { strict: true });
  const routingErrors = (lines: Array<Record<string, unknown>>) =>
    lines.filter((l) => 'RoutingErrors' in l).map((l) => l.Outcome);

  it('counts a known name by its target and no routing error', () => {
    const metrics = new RequestMetrics();
    expect(routeCounted(lenient, 'beta', metrics).target.id).toBe('direct/b');
    const lines = emitted(() => metrics.flush());
    expect(lines.find((l) => 'RoutedRequests' in l)).toMatchObject({ RoutedModel: 'direct/b' });
    expect(routingErrors(lines)).toEqual([]);
  });

  it('counts an unknown name sent to default as a fallback', () => {
    const metrics = new RequestMetrics();
    expect(routeCounted(lenient, 'gamma', metrics).target.id).toBe('direct/a');
    const lines = emitted(() => metrics.flush());
    expect(lines.find((l) => 'RoutedRequests' in l)).toMatchObject({ RoutedModel: 'direct/a' });
    expect(routingErrors(lines)).toEqual(['fallback']);
  });

  it('counts an unknown name refused in strict mode, and still throws the 404', () => {
    const metrics = new RequestMetrics();
    expect(() => routeCounted(strict, 'gamma', metrics)).toThrow(NotFoundError);
    const lines = emitted(() => metrics.flush());
    expect(routingErrors(lines)).toEqual(['refused']);
    expect(lines.some((l) => 'RoutedRequests' in l)).toBe(false);
  });
});

describe('isServerFailure', () => {
  it.each([
    ['a 502 from the upstream', new UpstreamError('bad gateway', 'upstream_error'), true],
    ['an unexpected error', new Error('boom'), true],
    ['a 404', new NotFoundError('no', 'not_found'), false],
    ['a 400', new BadRequestError('no'), false],
  ])('%s', (_label, err, expected) => {
    expect(isServerFailure(err)).toBe(expected);
  });
});
