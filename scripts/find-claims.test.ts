/**
 * find-claims: argument parsing, the run in-process on small files (plain text, Markdown, bad
 * input), and once as users run it (a child process through tsx) for the exit code and streams.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaims, parseArgs } from './find-claims';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'find-claims-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = findClaims(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('parseArgs', () => {
  it.each([
    [['a.txt'], { kind: 'run', file: 'a.txt', format: 'auto', minScore: 0 }],
    [['--', 'a.txt'], { kind: 'run', file: 'a.txt', format: 'auto', minScore: 0 }],
    [['a.txt', '--markdown'], { kind: 'run', file: 'a.txt', format: 'markdown', minScore: 0 }],
    [['--plain', 'notes.md', '--min-score', '0.5'], { kind: 'run', file: 'notes.md', format: 'plain', minScore: 0.5 }],
    [['--help'], { kind: 'help' }],
    [[], { kind: 'error', message: 'no file given' }],
    [['a.txt', 'b.txt'], { kind: 'error', message: 'one file at a time (got a.txt and b.txt)' }],
    [['--bogus', 'a.txt'], { kind: 'error', message: 'unknown option --bogus' }],
    [['a.txt', '--min-score', '2'], { kind: 'error', message: '--min-score needs a number from 0 to 1' }],
    [['a.txt', '--min-score'], { kind: 'error', message: '--min-score needs a number from 0 to 1' }],
    [['a.md', '--markdown', '--plain'], { kind: 'error', message: '--markdown and --plain are exclusive' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});

describe('findClaims', () => {
  it('prints one JSON line per sentence with offsets into the file text', () => {
    const text = 'Budget approved\n\nThe council approved a $412 million budget on Tuesday, Marsh said. Is it fair?\n';
    const file = path.join(dir, 'story.txt');
    writeFileSync(file, text);
    const { code, out, err } = run([file]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const lines = out.map((l) => JSON.parse(l) as { start: number; end: number; text: string; score: number; reasons: { cue: string; label: string; start: number; end: number }[] });
    expect(lines.map((l) => l.text)).toEqual(['Budget approved', 'The council approved a $412 million budget on Tuesday, Marsh said.', 'Is it fair?']);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['start', 'end', 'text', 'score', 'reasons']);
      expect(text.slice(l.start, l.end)).toBe(l.text);
      for (const r of l.reasons) expect(r.start >= l.start && r.end <= l.end).toBe(true);
    }
    expect(lines[1]?.reasons.find((r) => r.cue === 'money')).toMatchObject({ label: 'Money "$412 million"' });
  });

  it('Markdown: syntax stripped for scoring, offsets still into the file', () => {
    const text = '# Budget\n\n- The council spent **$58 million** on roads, up from $41 million.\n- [Source](http://x.example)\n';
    const file = path.join(dir, 'story.md');
    writeFileSync(file, text);
    const { code, out } = run([file, '--min-score', '0.5']);
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as { start: number; end: number; text: string; reasons: { cue: string; start: number; end: number }[] });
    expect(lines.map((l) => l.text)).toEqual(['The council spent **$58 million** on roads, up from $41 million.']);
    const money = lines[0]?.reasons.find((r) => r.cue === 'money');
    expect(money && text.slice(money.start, money.end)).toBe('$58 million');
  });

  it('empty file: no lines, exit 0', () => {
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '');
    expect(run([file])).toEqual({ code: 0, out: [], err: [] });
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.txt'), /nope\.txt: no such file$/],
    ['a directory', () => dir, /is a directory, not a file$/],
    [
      'a binary file',
      () => {
        const f = path.join(dir, 'x.bin');
        writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
        return f;
      },
      /looks binary/,
    ],
    [
      'Latin-1 text',
      () => {
        const f = path.join(dir, 'latin1.txt');
        writeFileSync(f, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e]));
        return f;
      },
      /is not valid UTF-8 text$/,
    ],
  ])('%s: one line on stderr, exit 2', (_name, make, message) => {
    const { code, out, err } = run([make()]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^find-claims: /);
    expect(err[0]).toMatch(message);
  });

  it('bad arguments: usage on stderr, exit 2', () => {
    const { code, err } = run([]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/no file given.*usage: npm run find-claims -- FILE/);
  });
});

describe('as a command', () => {
  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(TSX, ['--tsconfig', 'tsconfig.node.json', 'scripts/find-claims.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it('scores a file (stdout JSON lines, exit 0) and rejects a missing one (stderr, exit 2)', async () => {
    const file = path.join(dir, 'cli.txt');
    writeFileSync(file, 'Rents rose 21 percent in three years, the council said.\n');
    const ok = await cli([file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['Rents rose 21 percent in three years, the council said.']);
    const missing = await cli([path.join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
