/**
 * Apache Annotator's text-quote matcher (@apache-annotator/dom createTextQuoteSelectorMatcher) over a
 * jsdom document of the same text, for comparison with our anchoring (bench/anchoring.bench.ts).
 * The document's text equals the plain text either way: `paragraphs` makes each paragraph a <p> separated
 * by "\n\n" text nodes (like the rendered article: the matcher walks ~1,700 text nodes, which is what makes
 * it slow), `single` puts the whole text in one text node (the matcher's string search alone).
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { JSDOM } from 'jsdom';
import type { TextQuoteSelector } from '../lib/anchoring';

export type AnnotatorResult = { quotes: number; totalMs: number; perQuoteMs: number; found: number };

/** Matches each quote (exact + prefix + suffix, all matches, as a re-anchoring would need) and times it. */
export async function timeAnnotatorMatcher(
  text: string,
  quotes: readonly TextQuoteSelector[],
  options: { layout?: 'paragraphs' | 'single'; budgetMs?: number } = {},
): Promise<AnnotatorResult> {
  const layout = options.layout ?? 'paragraphs';
  const budgetMs = options.budgetMs ?? Infinity;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const { window } = dom;
  // The library reads these DOM globals (NodeFilter.SHOW_TEXT, Range.START_TO_START, Node.TEXT_NODE).
  const globals = globalThis as Record<string, unknown>;
  const saved = { NodeFilter: globals.NodeFilter, Range: globals.Range, Node: globals.Node };
  globals.NodeFilter = window.NodeFilter;
  globals.Range = window.Range;
  globals.Node = window.Node;
  try {
    const body = window.document.body;
    const paragraphs = layout === 'single' ? [text] : text.split('\n\n');
    paragraphs.forEach((paragraph, i) => {
      if (i > 0) body.appendChild(window.document.createTextNode('\n\n'));
      const p = window.document.createElement('p');
      p.textContent = paragraph;
      body.appendChild(p);
    });
    const scope = window.document.createRange();
    scope.selectNodeContents(body);
    let found = 0;
    let matched = 0;
    const began = performance.now();
    for (const quote of quotes) {
      // A time budget keeps the app bench within its limit on a loaded machine; at least 5 quotes are timed.
      if (matched >= 5 && performance.now() - began > budgetMs) break;
      matched += 1;
      const matcher = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
      for await (const match of matcher(scope)) {
        void match;
        found += 1;
      }
    }
    const totalMs = performance.now() - began;
    return { quotes: matched, totalMs, perQuoteMs: totalMs / Math.max(1, matched), found };
  } finally {
    globals.NodeFilter = saved.NodeFilter;
    globals.Range = saved.Range;
    globals.Node = saved.Node;
    window.close();
  }
}
