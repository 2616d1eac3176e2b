/**
 * Records everything the process prints, so a test can read every log line and EMF metric
 * (both JSON lines on stdout) that the code under test wrote. stdout is kept out of the
 * test output; stderr is recorded and still printed. `restore()` puts both streams back.
 */
export interface CapturedOutput {
  /** Every non-empty line written so far, tagged with its stream. */
  lines(): { stream: 'stdout' | 'stderr'; line: string }[];
  restore(): void;
}

type Write = typeof process.stdout.write;

export function captureOutput(): CapturedOutput {
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };

  const recorder = (stream: 'stdout' | 'stderr', passThrough: boolean): Write =>
    function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      chunks.push({ stream, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
      if (passThrough)
        return (originals[stream] as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      const done = rest.find((arg): arg is () => void => typeof arg === 'function');
      done?.();
      return true;
    } as Write;

  process.stdout.write = recorder('stdout', false);
  process.stderr.write = recorder('stderr', true);
  return {
    // Joined per stream before splitting, so a line written in several pieces stays one line.
    lines: () =>
      (['stdout', 'stderr'] as const).flatMap((stream) =>
        chunks
          .filter((c) => c.stream === stream)
          .map((c) => c.text)
          .join('')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => ({ stream, line })),
      ),
    restore() {
      process.stdout.write = originals.stdout;
      process.stderr.write = originals.stderr;
    },
  };
}
