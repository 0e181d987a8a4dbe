/**
 * npm run find-claims -- FILE [--markdown | --plain] [--min-score X]
 *
 * Scores every sentence of a plain-text or Markdown file for check-worthiness (the scorer the app
 * uses, lib/check-worthiness) and prints one JSON line per sentence:
 *   {"start":…,"end":…,"text":…,"score":…,"reasons":[{"cue","label","start","end"[,"who"]}]}
 * Offsets are UTF-16 indexes into the file's text as read (UTF-8; a leading byte-order mark is not
 * part of the text); `text` is exactly that slice of the file. Markdown (.md/.markdown, or
 * --markdown) is scored with its syntax blanked out, same length, so offsets still point into the
 * file. Errors (missing file, a directory, binary or non-UTF-8 content, bad arguments) print one
 * line on stderr and exit with code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { maskMarkdown } from '../lib/check-worthiness/markdown';
import { scoreSentences } from '../lib/check-worthiness/score';

export type FindClaimsArgs = { kind: 'run'; file: string; format: 'auto' | 'markdown' | 'plain'; minScore: number } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = 'usage: npm run find-claims -- FILE [--markdown | --plain] [--min-score 0..1]';

export function parseArgs(argv: readonly string[]): FindClaimsArgs {
  let file: string | undefined;
  let format: 'auto' | 'markdown' | 'plain' = 'auto';
  let minScore = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--markdown' || arg === '--plain') {
      const wanted = arg === '--markdown' ? 'markdown' : 'plain';
      if (format !== 'auto' && format !== wanted) return { kind: 'error', message: '--markdown and --plain are exclusive' };
      format = wanted;
    } else if (arg === '--min-score') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0 || value > 1) return { kind: 'error', message: '--min-score needs a number from 0 to 1' };
      minScore = value;
    } else if (arg === '--') {
      continue;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'error', message: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { kind: 'error', message: `one file at a time (got ${file} and ${arg})` };
    }
  }
  if (file === undefined) return { kind: 'error', message: 'no file given' };
  return { kind: 'run', file, format, minScore };
}

export class InputError extends Error {}

/** The file's text, or an InputError saying why it cannot be scored. */
export function readText(file: string): string {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory, not a file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (bytes.includes(0)) throw new InputError(`${file}: looks binary (contains NUL bytes); give a plain-text or Markdown file`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: is not valid UTF-8 text`);
  }
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the CLI; returns the exit code. */
export function findClaims(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    io.err(`find-claims: ${args.message}. ${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readText(args.file);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`find-claims: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const markdown = args.format === 'markdown' || (args.format === 'auto' && /\.(?:md|markdown|mdown|mkd)$/iu.test(path.extname(args.file)));
  const masked = markdown ? maskMarkdown(text) : null;
  const result = scoreSentences(masked ? masked.text : text, masked ? { newlines: 'paragraph', breaks: masked.breaks } : {});
  for (const s of result.sentences) {
    if (s.score < args.minScore) continue;
    const reasons = s.reasons.map((r) => (r.who === undefined ? { cue: r.cue, label: r.label, start: r.start, end: r.end } : { cue: r.cue, label: r.label, start: r.start, end: r.end, who: r.who }));
    io.out(JSON.stringify({ start: s.start, end: s.end, text: text.slice(s.start, s.end), score: s.score, reasons }));
  }
  if (result.languageSupport === 'partial' && result.sentences.length > 0) io.err(`find-claims: language not recognised (${result.language}); only language-independent cues were used`);
  if (result.chunkedSentences > 0) io.err(`find-claims: ${result.chunkedSentences} over-long sentence(s) were cut into pieces`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const lines: string[] = [];
  const code = findClaims(process.argv.slice(2), {
    out: (line) => lines.push(line),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
  process.exitCode = code;
}
