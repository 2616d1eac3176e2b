import type { Needle } from './secret-forms';

/**
 * Searching captured text (API responses, log lines, table items) for secrets, and saying
 * where each one was found so a failure can be acted on.
 */
export interface ScanSource {
  /** Where the text came from: `POST /api/execute-plan (body)`, `stdout line 12`, ... */
  label: string;
  text: string;
}

export interface Leak {
  needle: Needle;
  source: string;
  /** A few characters either side of the first occurrence. */
  excerpt: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const EXCERPT_CHARS = 60;

function firstIndex(text: string, needle: Needle): number {
  if (!needle.standalone) return text.indexOf(needle.text);
  const alone = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(needle.text)}(?![A-Za-z0-9])`);
  return alone.exec(text)?.index ?? -1;
}

function excerptAt(text: string, index: number, length: number): string {
  const from = Math.max(0, index - EXCERPT_CHARS);
  const to = Math.min(text.length, index + length + EXCERPT_CHARS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

export function findLeaks(sources: readonly ScanSource[], needles: readonly Needle[]): Leak[] {
  const leaks: Leak[] = [];
  for (const source of sources) {
    for (const needle of needles) {
      const index = firstIndex(source.text, needle);
      if (index >= 0) {
        leaks.push({
          needle,
          source: source.label,
          excerpt: excerptAt(source.text, index, needle.text.length),
        });
      }
    }
  }
  return leaks;
}

/** Every string in a JSON value, object keys included, depth first. */
function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  }
  return out;
}

/**
 * The text as it was, and, when it is JSON, its strings decoded: a secret echoed inside an
 * upstream's JSON and then returned inside ours is escaped twice in the raw text, once in
 * the decoded strings, and the JSON-escaped form is looked for in both.
 */
export function withDecodedStrings(source: ScanSource): ScanSource[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch {
    return [source];
  }
  return [source, ...decodedSource(source.label, parsed)];
}

/** The strings of an already parsed value (a table item, say), one per line. */
export function decodedSource(label: string, value: unknown): ScanSource[] {
  const strings = stringsIn(value, []);
  return strings.length ? [{ label: `${label} (decoded strings)`, text: strings.join('\n') }] : [];
}

const EXAMPLES_PER_FORM = 3;

/**
 * One paragraph per `secret as form` that leaked: how often, and the first few places with
 * an excerpt around the occurrence.
 */
export function describeLeaks(leaks: readonly Leak[]): string {
  const groups = new Map<string, Leak[]>();
  for (const leak of leaks) {
    const key = `${leak.needle.secret} as ${leak.needle.form} (${JSON.stringify(leak.needle.text)})`;
    groups.set(key, [...(groups.get(key) ?? []), leak]);
  }
  const paragraphs = [...groups].map(([key, found]) => {
    const examples = found
      .slice(0, EXAMPLES_PER_FORM)
      .map((l) => `    in ${l.source}: ${JSON.stringify(l.excerpt)}`);
    const more = found.length - examples.length;
    return [
      `- ${key}: ${found.length} place(s)`,
      ...examples,
      ...(more > 0 ? [`    and ${more} more`] : []),
    ].join('\n');
  });
  return `${leaks.length} secret occurrence(s) found, ${groups.size} form(s):\n${paragraphs.join('\n')}`;
}

/** The distinct `secret as form` pairs that leaked, for a compact summary. */
export function leakedForms(leaks: readonly Leak[]): string[] {
  return [...new Set(leaks.map((l) => `${l.needle.secret} as ${l.needle.form}`))].sort();
}
