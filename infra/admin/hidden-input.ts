/** Ctrl-C in a raw-mode terminal: the command stops and writes nothing. */
export class InputCancelledError extends Error {
  constructor() {
    super('cancelled; nothing was written');
  }
}

/** Piped input with the one line break an `echo` or a file ends with removed. */
export function withoutTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A terminal in raw mode, so nothing typed is echoed; ends at Enter, Backspace edits. */
export function readTyped(
  stdin: Pick<NodeJS.ReadStream, 'setRawMode' | 'resume' | 'pause' | 'on' | 'off'>,
  prompt: string,
  stderr: Pick<NodeJS.WriteStream, 'write'>,
): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      settle();
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new InputCancelledError()));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The value of a secret, from standard input and never echoed: typed at a terminal
 * (hidden), or piped (`pbpaste | npm run admin -- secret set …`).
 */
export function readSecretInput(prompt: string): Promise<string> {
  if (process.stdin.isTTY) return readTyped(process.stdin, prompt, process.stderr);
  return readAll(process.stdin).then(withoutTrailingNewline);
}
