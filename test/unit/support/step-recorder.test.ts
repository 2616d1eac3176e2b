import {
  recordedRead,
  recordedStep,
  startStepRecorder,
  type StepRecorder,
} from '../../support/fakes/step-recorder';

/* The hardening tests' "no write ran twice" rests on these counts, so they are checked here. */
let recorder: StepRecorder;
beforeAll(async () => {
  recorder = await startStepRecorder(150);
});
afterAll(() => recorder.close());

const post = (run: string, step: string, signal?: AbortSignal) =>
  fetch(`${recorder.url}/steps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ run, step }),
    ...(signal ? { signal } : {}),
  });
const get = (run: string, step: string) => fetch(`${recorder.url}/steps?run=${run}&step=${step}`);

describe('step recorder', () => {
  it('counts writes and reads of each run and step apart, and names the ones that came more than once', async () => {
    const answers = await Promise.all([
      post('a', 'w'),
      post('a', 'w'),
      post('b', 'w'),
      get('a', 'r'),
      get('a', 'r'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await answers[3]!.json()).toEqual({ ok: true, key: 'a/r' });
    expect([...recorder.counts]).toEqual([
      ['a/w', 2],
      ['b/w', 1],
    ]);
    expect([...recorder.reads]).toEqual([['a/r', 2]]);
    expect(recorder.repeated()).toEqual(['a/w']);
    expect(recorder.repeatedReads()).toEqual(['a/r']);
  });

  it('knows which requests are waiting for their answer, including one whose caller went away', async () => {
    const answered = get('c', 'r');
    const abandoned = new AbortController();
    const cut = post('c', 'w', abandoned.signal).catch((err: Error) => err.name);
    await new Promise((r) => setTimeout(r, 50));
    expect([...recorder.inFlight.keys()].sort()).toEqual(['GET c/r', 'POST c/w']);
    abandoned.abort();
    expect(await cut).toBe('AbortError');
    await new Promise((r) => setTimeout(r, 20));
    expect([...recorder.inFlight.keys()]).toEqual(['GET c/r']);
    expect((await answered).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    expect(recorder.inFlight.size).toBe(0);
  });

  it('builds plan steps that call it as a write (POST) and as a read (GET, the identity in the query)', () => {
    expect(recordedStep(recorder, 'one').params).toEqual({
      method: 'POST',
      url: `${recorder.url}/steps`,
      body: { run: '{{run.id}}', step: 'one' },
    });
    expect(recordedRead(recorder, 'two').params).toEqual({
      method: 'GET',
      url: `${recorder.url}/steps`,
      query: { run: '{{run.id}}', step: 'two' },
    });
  });
});
