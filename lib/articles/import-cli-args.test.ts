import { describe, expect, it } from 'vitest';
import { ImportCliUsageError, importSourceOf, parseImportCliArgs } from './import-cli-args';

const parse = (...argv: string[]) => parseImportCliArgs(argv);
const usage = (...argv: string[]) => {
  try {
    parseImportCliArgs(argv);
  } catch (error) {
    if (error instanceof ImportCliUsageError) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('parseImportCliArgs', () => {
  it('reads the workspace, the file and the metadata given', () => {
    expect(parse('--workspace', 'demo-desk', 'story.docx')).toEqual({ kind: 'import', options: { workspace: 'demo-desk', source: { kind: 'file', path: 'story.docx' } } });
    expect(parse('-w', 'demo-desk', '-t', ' A title ', '--outlet', 'Radio Farda', '--byline', 'Jane', '--language', 'fa', '--published-on', '2024-02-29', '--source-credit', 'RFE/RL', 'https://example.org/a?b=1')).toEqual({
      kind: 'import',
      options: { workspace: 'demo-desk', source: { kind: 'url', url: 'https://example.org/a?b=1' }, title: 'A title', outlet: 'Radio Farda', byline: 'Jane', language: 'fa', publishedOn: '2024-02-29', sourceCredit: 'RFE/RL' },
    });
    // Options may follow the positional argument.
    expect(parse('notes.md', '--workspace=demo-desk')).toMatchObject({ options: { workspace: 'demo-desk', source: { kind: 'file', path: 'notes.md' } } });
  });

  it('answers --help', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-w', 'demo-desk', '-h')).toEqual({ kind: 'help' });
  });

  it('refuses bad input with a message saying what to do', () => {
    expect(usage('story.txt')).toMatch(/Missing --workspace/);
    expect(usage('--workspace', '  ', 'story.txt')).toMatch(/Missing --workspace/);
    expect(usage('--workspace', 'demo-desk')).toMatch(/Missing the file or URL/);
    expect(usage('--workspace', 'demo-desk', 'a.txt', 'b.txt')).toMatch(/One file or URL at a time/);
    expect(usage('--workspace', 'demo-desk', '--title', ' ', 'a.txt')).toMatch(/--title needs a title/);
    expect(usage('--workspace', 'demo-desk', '--title', 'x'.repeat(301), 'a.txt')).toMatch(/too long/);
    expect(usage('--workspace', 'demo-desk', '--language', 'English', 'a.txt')).toMatch(/language code/);
    expect(usage('--workspace', 'demo-desk', '--published-on', '2023-02-29', 'a.txt')).toMatch(/date like/);
    expect(usage('--workspace', 'demo-desk', '--outlet', 'o'.repeat(201), 'a.txt')).toMatch(/--outlet is too long/);
    expect(usage('--workspace', 'demo-desk', '--nope', 'a.txt')).toMatch(/Unknown option '--nope'/);
    expect(usage('--workspace', 'demo-desk', 'ftp://example.org/a.txt')).toMatch(/Only http:\/\/ and https:\/\//);
    expect(usage('--workspace', 'demo-desk', 'javascript:alert(1)')).toMatch(/Only http/);
    expect(usage('--workspace', 'demo-desk', 'https://')).toMatch(/not a valid web address/);
  });
});

describe('importSourceOf', () => {
  it('tells URLs from files', () => {
    expect(importSourceOf('HTTP://Example.org/Story')).toEqual({ kind: 'url', url: 'http://example.org/Story' });
    expect(importSourceOf('./articles/story.html')).toEqual({ kind: 'file', path: './articles/story.html' });
    expect(importSourceOf('C:\\stories\\a.docx')).toEqual({ kind: 'file', path: 'C:\\stories\\a.docx' });
    expect(importSourceOf('http-notes.txt')).toEqual({ kind: 'file', path: 'http-notes.txt' });
  });
});
