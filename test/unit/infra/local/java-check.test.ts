import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  JAVA_INSTALL_HINT,
  JavaMissingError,
  checkJava,
  startDynamoDbLocal,
} from '../../../../infra/local/dynamodb-local';

/** A fake `java` that prints the given version banner, as `java -version` does (on stderr). */
function fakeJava(banner: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'java-')), 'java');
  writeFileSync(file, `#!/bin/sh\necho '${banner}' >&2\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the Java check before DynamoDB Local', () => {
  it('names the missing command and the exact install command', () => {
    expect(() => checkJava('/nonexistent/java')).toThrow(JavaMissingError);
    expect(() => checkJava('/nonexistent/java')).toThrow(JAVA_INSTALL_HINT);
    expect(JAVA_INSTALL_HINT).toBe('sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless');
    // Printed on a line of its own, copy-pasteable as it stands.
    expect(() => checkJava('/nonexistent/java')).toThrow(`\n    ${JAVA_INSTALL_HINT}\n`);
    expect(() => checkJava('/nonexistent/java')).not.toThrow('sudo sudo');
  });

  it.each([
    ['openjdk version "1.8.0_392"', false],
    ['openjdk version "11.0.2" 2019-01-15', false],
    ['openjdk version "17.0.15" 2025-04-15', true],
    ['java version "21" 2023-09-19', true],
    ['something unexpected', false],
  ])('accepts %s: %s', (banner, ok) => {
    const java = fakeJava(banner);
    if (ok) expect(() => checkJava(java)).not.toThrow();
    else expect(() => checkJava(java)).toThrow(/Java 17 or newer/);
  });

  it('names the missing jdk.compiler module at once, without waiting for a start that cannot come', async () => {
    // The real Java of this machine, with every module but java.base hidden, as in a JRE without the compiler.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'java-')), 'java');
    writeFileSync(file, '#!/bin/sh\nexec java --limit-modules java.base "$@"\n');
    chmodSync(file, 0o755);
    const started = Date.now();
    const failure = await startDynamoDbLocal({ javaCommand: file }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(JavaMissingError);
    expect((failure as Error).message).toContain('without the jdk.compiler module');
    expect((failure as Error).message).toContain(JAVA_INSTALL_HINT);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('refuses to start DynamoDB Local without a suitable Java', async () => {
    await expect(
      startDynamoDbLocal({ javaCommand: fakeJava('openjdk version "11.0.2"') }),
    ).rejects.toBeInstanceOf(JavaMissingError);
  });
});
