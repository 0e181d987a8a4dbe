/**
 * Markdown for the scorer without losing offsets: syntax characters are replaced by spaces (a
 * same-length "mask"), so every offset into the mask is an offset into the file's text. Fenced and
 * indented code, HTML tags, link targets, heading/list/quote markers, emphasis and table pipes are
 * blanked; line breaks are kept. `breaks` are the offsets where a block starts (heading, list item,
 * quote, table row, after a blank line): a sentence never runs across them.
 */

export interface MaskedMarkdown {
  text: string;
  breaks: number[];
}

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** `[label](target)` → spaces around the label, same length. */
function keepLabel(match: string, label: string): string {
  const open = match.indexOf('[') + 1;
  return blank(match.slice(0, open)) + label + blank(match.slice(open + label.length));
}

export function maskMarkdown(source: string): MaskedMarkdown {
  const breaks: number[] = [];
  let out = '';
  let inFence = false;
  let offset = 0;
  for (const line of source.split(/(?<=\n)/u)) {
    const body = line.endsWith('\n') ? line.slice(0, -1) : line;
    const eol = line.slice(body.length);
    if (/^\s{0,3}(?:```|~~~)/u.test(body)) {
      inFence = !inFence;
      out += blank(body) + eol;
      offset += line.length;
      continue;
    }
    if (inFence || /^(?: {4}|\t)/u.test(body) || /^\s{0,3}(?:[-*_]\s*){3,}$/u.test(body)) {
      out += blank(body) + eol;
      offset += line.length;
      continue;
    }
    let masked = body;
    const block = /^(\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|\|))/u.exec(masked);
    if (block) {
      masked = blank(block[1] ?? '') + masked.slice((block[1] ?? '').length);
      breaks.push(offset);
    }
    masked = masked
      .replace(/\s#+\s*$/u, (m) => blank(m)) // closing heading hashes
      .replace(/<[^>\n]{1,200}>/gu, (m) => blank(m)) // HTML tags, autolinks
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/gu, keepLabel) // [label](url), ![alt](src)
      .replace(/!?\[([^\]\n]*)\]\[[^\]\n]*\]/gu, keepLabel) // [label][ref]
      .replace(/^\s{0,3}\[[^\]\n]+\]:\s.*$/u, (m) => blank(m)) // reference definitions
      .replace(/`+/gu, (m) => blank(m))
      .replace(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m) => blank(m))
      .replace(/\|/gu, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/gu, ' $1');
    out += masked + eol;
    offset += line.length;
  }
  return { text: out, breaks };
}
