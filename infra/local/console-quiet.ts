/**
 * Keeps `npm start`'s console for what a developer reads. The handlers write CloudWatch
 * Embedded Metric Format lines (`{"_aws":…}`) to stdout, as Lambda needs; locally they
 * go to a file instead (or nowhere), unless --verbose asks for everything.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

type Write = NodeJS.WriteStream['write'];

/** True for an EMF line as Powertools prints it: one JSON object whose first key is `_aws`. */
export function isEmfLine(text: string): boolean {
  return text.startsWith('{"_aws":');
}

/**
 * Sends the EMF lines written to `stream` to `sink` instead; every other write goes
 * through unchanged. Returns the function that undoes it.
 */
export function divertEmfLines(stream: NodeJS.WritableStream, sink: (line: string) => void): () => void {
  const original = stream.write;
  const diverted = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const text =
      typeof chunk === 'string'
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : '';
    if (!isEmfLine(text)) return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    sink(text.endsWith('\n') ? text : `${text}\n`);
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
  stream.write = diverted as Write;
  return () => {
    stream.write = original;
  };
}

/** Appends lines to a private (0600) file, opened on the first line. */
export function fileSink(file: string): { write(line: string): void; close(): void } {
  let fd: number | undefined;
  return {
    write(line) {
      fd ??= openSync(file, 'a', 0o600);
      writeSync(fd, line);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
