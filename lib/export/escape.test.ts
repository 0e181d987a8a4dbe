import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdownBlock,
  escapeMarkdownInline,
  escapeMarkdownLineStart,
  markdownLink,
  safeHttpUrl,
  toScriptSafeJson,
} from './escape';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('سه\u200cشنبه 🚀')).toBe('سه\u200cشنبه 🚀');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/a?b=1&c=2', 'https://example.org/a?b=1&c=2'],
    ['  http://example.org  ', 'http://example.org/'],
    ['HTTPS://EXAMPLE.org/x', 'https://example.org/x'],
  ])('accepts %s', (input, expected) => expect(safeHttpUrl(input)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:a@example.org',
    'ftp://example.org/file',
    '/relative/path',
    '//example.org/protocol-relative',
    'example.org',
    'http://',
    'http://exa mple.org',
    '',
  ])('rejects %j', (input) => expect(safeHttpUrl(input)).toBeNull());

  it('rejects null and undefined', () => {
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe('Markdown escaping', () => {
  it('escapes inline syntax', () => {
    expect(escapeMarkdownInline('*a* _b_ `c` [d](e) <f> | ~g~ & #h $i$ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\| \\~g\\~ \\& \\#h \\$i\\$ \\\\',
    );
  });

  it('neutralises block syntax at the start of a line', () => {
    expect(escapeMarkdownLineStart('- item')).toBe('\\- item');
    expect(escapeMarkdownLineStart('+1 point')).toBe('\\+1 point');
    expect(escapeMarkdownLineStart('=HYPERLINK("x")')).toBe('\\=HYPERLINK("x")');
    expect(escapeMarkdownLineStart('1. first')).toBe('1\\. first');
    expect(escapeMarkdownLineStart('2024) year')).toBe('2024\\) year');
    expect(escapeMarkdownLineStart('    code?')).toBe('code?');
    expect(escapeMarkdownLineStart('> quote')).toBe('\\> quote');
    expect(escapeMarkdownLineStart('# heading')).toBe('\\# heading');
  });

  it('keeps paragraphs and turns single newlines into hard breaks', () => {
    expect(escapeMarkdownBlock('a\nb\n\n- c')).toBe('a\\\nb\n\n\\- c');
  });

  it('links only http(s) URLs and shows other URLs as plain text', () => {
    expect(markdownLink('Report [2024]', 'https://example.org/a_(b)')).toBe('[Report \\[2024\\]](<https://example.org/a_(b)>)');
    expect(markdownLink('Spaces', 'https://example.org/a b')).toBe('Spaces (https://example.org/a b)');
    expect(markdownLink('Click', 'javascript:alert(1)')).toBe('Click (javascript:alert(1))');
    expect(markdownLink('', 'javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});

describe('toScriptSafeJson', () => {
  it('cannot close a script element and still parses back', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '&\u2028' };
    const json = toScriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
