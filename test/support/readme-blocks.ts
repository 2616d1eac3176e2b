import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './run-tool';

/**
 * What a marker line before a fenced block asks of the README-blocks test:
 * - `<!-- readme-test -->`: run it; it must exit 0 and print no error;
 * - `<!-- readme-test: error -->`: run it; it must exit 0 and print an error body (a
 *   block that shows how a refusal looks);
 * - `<!-- readme-test: export -->`: the `export` lines `npm start` prints, which the test
 *   takes from the banner (the README shows placeholders);
 * - `<!-- readme-test: file <path> -->`: the block is that file of the repository, exactly;
 * - `<!-- readme-test: skip <why> -->`: not run (the set-up commands the test itself does).
 */
export type BlockMode =
  | { kind: 'run' }
  | { kind: 'error' }
  | { kind: 'export' }
  | { kind: 'file'; path: string }
  | { kind: 'skip'; why: string };

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  code: string;
  /** Undefined: the block has no marker. */
  mode: BlockMode | undefined;
}

const MARKER = /^<!-- readme-test(?::\s*(\S+)(?:\s+(.*?))?)?\s*-->$/;
const FENCE = /^```(\S*)\s*$/;

function parseMode(kind: string | undefined, arg: string | undefined, line: number): BlockMode {
  if (kind === undefined) return { kind: 'run' };
  if (kind === 'error' || kind === 'export') return { kind };
  if (kind === 'file' && arg) return { kind: 'file', path: arg };
  if (kind === 'skip' && arg) return { kind: 'skip', why: arg };
  throw new Error(`README line ${line}: unknown readme-test marker "${kind}${arg ? ' ' + arg : ''}"`);
}

/** The fenced blocks between the heading `from` and the heading `to` (both `## ` level). */
export function readmeBlocks(markdown: string, from: string, to: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(from);
  const end = lines.indexOf(to);
  if (start < 0 || end < start) throw new Error(`README has no section from "${from}" to "${to}"`);
  const blocks: ReadmeBlock[] = [];
  let pending: BlockMode | undefined;
  for (let i = start; i < end; i++) {
    const text = lines[i]!;
    const marker = MARKER.exec(text.trim());
    if (marker) {
      pending = parseMode(marker[1], marker[2], i + 1);
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      // Only blank lines may stand between a marker and its block.
      if (text.trim() !== '' && pending)
        throw new Error(`README line ${i + 1}: a marker with no block after it`);
      continue;
    }
    const close = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (close < 0 || close >= end) throw new Error(`README line ${i + 1}: unclosed code block`);
    blocks.push({
      line: i + 1,
      language: fence[1] ?? '',
      code: lines.slice(i + 1, close).join('\n'),
      mode: pending,
    });
    pending = undefined;
    i = close;
  }
  return blocks;
}

export const README_PATH = path.join(REPO_ROOT, 'README.md');

export function readReadme(): string {
  return readFileSync(README_PATH, 'utf8');
}

/** The languages the test must run; a block in one of them needs a marker. */
export const RUNNABLE_LANGUAGES = ['bash', 'sh', 'shell', 'js', 'javascript', 'mjs', 'ts', 'typescript'];
