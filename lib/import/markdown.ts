import type { JSONContent } from '@tiptap/core';
import MarkdownIt from 'markdown-it';
import type { ExtractedMetadata } from '@/lib/domain/imports';
import { untrustedHtmlToDoc } from './html-to-doc';
import { EMPTY_METADATA, mergeMetadata } from './metadata';
import type { SanitizeReport } from './sanitize';

/**
 * Markdown → article document: markdown-it (CommonMark, plus GFM tables and ~~strikethrough~~;
 * no linkify, no typographer) renders HTML — raw HTML in the Markdown included — and everything
 * then goes through the sanitizer like any HTML: images become their alt text, tables one
 * paragraph per row, code blocks lines of plain text. A leading YAML front matter block (as CMS
 * and static-site exports write) gives title/author/date/lang and is not article text.
 */

export interface ConvertedMarkdown {
  doc: JSONContent;
  metadata: ExtractedMetadata;
  report: SanitizeReport;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

function markdownParser(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable(['table', 'strikethrough']);
  return parser;
}

export function convertMarkdown(text: string, baseUrl?: string): ConvertedMarkdown {
  const { body, metadata } = splitFrontMatter(text);
  const html = markdownParser().render(body);
  const { doc, report } = untrustedHtmlToDoc(html, { baseUrl });
  return { doc, metadata, report };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** A leading "---\nkey: value\n---" block: its simple key/value lines as metadata, and the text after it. */
export function splitFrontMatter(text: string): { body: string; metadata: ExtractedMetadata } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, metadata: { ...EMPTY_METADATA } };
  const fields = new Map<string, string>();
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (field && !fields.has(field[1]!.toLowerCase())) fields.set(field[1]!.toLowerCase(), unquote(field[2]!));
  }
  // Not front matter after all (e.g. a thematic break then prose): keep the text as it is.
  if (fields.size === 0) return { body: text, metadata: { ...EMPTY_METADATA } };
  const get = (...keys: string[]) => keys.map((key) => fields.get(key)).find((value) => value) ?? null;
  return {
    body: text.slice(match[0].length),
    metadata: mergeMetadata([{ title: get('title'), byline: get('author', 'byline', 'authors'), outlet: get('outlet', 'publisher', 'site', 'source'), publishedOn: get('date', 'published', 'published_at', 'publishedon'), language: get('lang', 'language', 'locale'), canonicalUrl: get('canonical', 'canonical_url', 'url') }]),
  };
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (/^(["']).*\1$/.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed;
}
