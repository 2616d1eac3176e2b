import { captureOutput } from '../../support/output-capture';

describe('captureOutput', () => {
  it('records stdout and stderr lines, joining pieces of one line, until restored', () => {
    const stdoutWrite = process.stdout.write;
    const stderrWrite = process.stderr.write;
    const output = captureOutput();
    let called = false;
    try {
      process.stdout.write('{"level":"info",');
      process.stdout.write(Buffer.from('"message":"a"}\n{"_aws":{}}\n'));
      process.stdout.write('', () => {
        called = true;
      });
      process.stderr.write('');
    } finally {
      output.restore();
    }
    expect(called).toBe(true);
    expect(output.lines()).toEqual([
      { stream: 'stdout', line: '{"level":"info","message":"a"}' },
      { stream: 'stdout', line: '{"_aws":{}}' },
    ]);
    expect(process.stdout.write).toBe(stdoutWrite);
    expect(process.stderr.write).toBe(stderrWrite);
    process.stdout.write('');
    expect(output.lines()).toHaveLength(2);
  });

  it('still prints what goes to stderr', () => {
    const printed: string[] = [];
    const stderrWrite = process.stderr.write;
    process.stderr.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stderr.write;
    try {
      const output = captureOutput();
      process.stderr.write('warning: x\n');
      output.restore();
      expect(output.lines()).toEqual([{ stream: 'stderr', line: 'warning: x' }]);
    } finally {
      process.stderr.write = stderrWrite;
    }
    expect(printed).toEqual(['warning: x\n']);
  });
});
