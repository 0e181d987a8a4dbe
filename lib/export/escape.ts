/**
 * Escaping and URL-safety helpers shared by the report renderers.
 * Every piece of user text passes through one of these before it reaches an output format.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content *and* quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * The URL, normalised, if it is an absolute http(s) URL; otherwise null.
 * Rejects javascript:, data:, mailto:, relative paths and anything `URL` cannot parse,
 * so the result is safe to put in an href or a JSON-LD `url`.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || !url) return null;
  const trimmed = url.trim();
  // `URL` strips tabs/newlines inside the input; refuse them instead of silently "repairing" a URL.
  if (trimmed === '' || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

// Inline Markdown syntax (CommonMark + GFM: tables, strikethrough, math on GitHub, entities).
// Backslash-escaping ASCII punctuation is always legal in CommonMark, so over-escaping is harmless.
const MD_INLINE = /[\\`*_[\]<>|~&#$]/g;

/** Escapes user text for use inside a Markdown line (paragraph, list item, heading, table cell). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(MD_INLINE, (ch) => `\\${ch}`);
}

/**
 * Escapes one line of user text that starts a Markdown block, neutralising block syntax
 * (lists, headings, quotes, setext underlines, code fences, indented code) as well as inline syntax.
 */
export function escapeMarkdownLineStart(line: string): string {
  // Leading whitespace would turn into an indented code block; it carries no meaning in prose.
  const text = escapeMarkdownInline(line.replace(/^[ \t]+/, ''));
  return text
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Escapes multi-line user text as Markdown paragraphs; single newlines become hard line breaks. */
export function escapeMarkdownBlock(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => paragraph.split('\n').map(escapeMarkdownLineStart).join('\\\n'))
    .join('\n\n');
}

/** Collapses user text to one escaped Markdown line (headings, table cells, list items). */
export function escapeMarkdownSingleLine(text: string): string {
  return escapeMarkdownLineStart(text.replace(/\s+/g, ' ').trim());
}

/**
 * A Markdown link when `url` is http(s); otherwise the escaped label followed by the escaped
 * raw URL as plain text, so a `javascript:` source is visible to editors but never clickable.
 */
export function markdownLink(label: string, url: string): string {
  const safe = safeHttpUrl(url);
  const text = escapeMarkdownSingleLine(label || url);
  if (!safe) return url && label && label !== url ? `${text} (${escapeMarkdownSingleLine(url)})` : text;
  // Angle-bracket destinations allow parentheses; `URL.href` already percent-encodes spaces and <>.
  return `[${text}](<${safe}>)`;
}

/** Paragraphs of canonical article text ("\n\n"-separated), ignoring empty ones. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '');
}

/** JSON safe to inline in an HTML <script type="application/ld+json"> (no `</script>` breakout). */
export function toScriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
