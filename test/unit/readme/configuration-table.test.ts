import { EnvSchema } from '../../../shared/config/env';
import { readmeBlocks, readReadme } from '../../support/readme-blocks';

/** The README's section from `## <name>` to the next `## ` heading. */
function section(markdown: string, name: string): string {
  const start = markdown.indexOf(`\n## ${name}\n`);
  if (start < 0) throw new Error(`README has no "## ${name}" section`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('README', () => {
  const readme = readReadme();

  it('lists every variable of shared/config/env.ts in the configuration table', () => {
    const configuration = section(readme, 'Configuration');
    const rows = new Set([...configuration.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]));
    const missing = Object.keys(EnvSchema.shape).filter((name) => !rows.has(name));
    expect(missing).toEqual([]);
  });

  it('names no variable the schema does not have in that table', () => {
    const configuration = section(readme, 'Configuration');
    const rows = [...configuration.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]!);
    expect(rows.filter((name) => !(name in EnvSchema.shape))).toEqual([]);
  });

  it('has a troubleshooting entry for each thing a newcomer meets first', () => {
    const troubleshooting = section(readme, 'Troubleshooting');
    for (const topic of ['port', 'Java', 'in use', '503']) expect(troubleshooting).toContain(topic);
  });

  it('parses its readme-test markers (an unknown marker fails here, not in the e2e run)', () => {
    expect(() => readmeBlocks(readme, '## Quick start', '## Use a real model')).not.toThrow();
  });
});
