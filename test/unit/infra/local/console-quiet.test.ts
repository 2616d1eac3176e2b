import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { divertEmfLines, fileSink, isEmfLine } from '../../../../infra/local/console-quiet';

const emf = JSON.stringify({ _aws: { Timestamp: 1, CloudWatchMetrics: [] }, ChatRequests: 1 });

describe('quiet console: EMF lines off stdout', () => {
  it('recognises EMF lines only', () => {
    expect(isEmfLine(`${emf}\n`)).toBe(true);
    expect(isEmfLine('{"level":"WARN","message":"x"}\n')).toBe(false);
    expect(isEmfLine('Flowgate local stack ready\n')).toBe(false);
  });

  it('sends EMF writes (strings or buffers) to the sink and lets every other write through', () => {
    const stream = new PassThrough();
    const passed: string[] = [];
    stream.on('data', (chunk: Buffer) => passed.push(chunk.toString()));
    const sunk: string[] = [];
    const restore = divertEmfLines(stream, (line) => sunk.push(line));
    const done = jest.fn();
    expect(stream.write(`${emf}\n`)).toBe(true);
    stream.write(Buffer.from(emf), done);
    stream.write('{"level":"WARN"}\n');
    stream.write('hello\n');
    expect(sunk).toEqual([`${emf}\n`, `${emf}\n`]);
    expect(passed).toEqual(['{"level":"WARN"}\n', 'hello\n']);
    restore();
    stream.write(`${emf}\n`);
    expect(passed).toHaveLength(3);
    return new Promise<void>((resolve) => setImmediate(() => (expect(done).toHaveBeenCalled(), resolve())));
  });

  it('appends to a private file created on the first line', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'metrics-')), 'metrics.log');
    const sink = fileSink(file);
    sink.write('a\n');
    sink.write('b\n');
    sink.close();
    expect(readFileSync(file, 'utf8')).toBe('a\nb\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
