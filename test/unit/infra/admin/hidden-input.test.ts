import { EventEmitter } from 'node:events';
import { InputCancelledError, readTyped, withoutTrailingNewline } from '../../../../infra/admin/hidden-input';

describe('withoutTrailingNewline', () => {
  it.each([
    ['value\n', 'value'],
    ['value\r\n', 'value'],
    ['value', 'value'],
    ['value\n\n', 'value\n'],
    ['two\nlines\n', 'two\nlines'],
    ['\n', ''],
    [' padded \n', ' padded '],
  ])('%j → %j', (input, expected) => {
    expect(withoutTrailingNewline(input)).toBe(expected);
  });
});

/** A terminal: raw mode switches recorded, keystrokes sent as data events. */
function terminal() {
  const emitter = new EventEmitter();
  const raw: boolean[] = [];
  const stdin = Object.assign(emitter, {
    setRawMode: (on: boolean) => {
      raw.push(on);
      return stdin;
    },
    resume: () => stdin,
    pause: () => stdin,
  });
  const written: string[] = [];
  const stderr = { write: (text: string) => written.push(text) > 0 };
  return {
    stdin: stdin as never,
    stderr: stderr as never,
    raw,
    written,
    type: (s: string) => emitter.emit('data', Buffer.from(s)),
  };
}

describe('readTyped', () => {
  it('reads up to Enter in raw mode, honours Backspace, and echoes nothing typed', async () => {
    const t = terminal();
    const value = readTyped(t.stdin, 'Value: ', t.stderr);
    t.type('sk-s');
    t.type('ex\u007f\u007fecret\r');
    await expect(value).resolves.toBe('sk-secret');
    expect(t.written).toEqual(['Value: ', '\n']);
    expect(t.raw).toEqual([true, false]);
  });

  it('Ctrl-C cancels and leaves raw mode', async () => {
    const t = terminal();
    const value = readTyped(t.stdin, 'Value: ', t.stderr);
    t.type('half\u0003');
    await expect(value).rejects.toBeInstanceOf(InputCancelledError);
    expect(t.raw).toEqual([true, false]);
  });
});
