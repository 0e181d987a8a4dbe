/**
 * A report view model for the newsroom-scale article: the 100,000-word text of
 * bench/anchoring.bench.ts (same deterministic generator) with 2,000 claims, each a copy of one of
 * the fixture report's claims (sources, reviewers, comments, history) moved onto a random range.
 * For export benchmarks and profiles; plain data, no database.
 */
import type { ReportClaim, ReportViewModel } from '../lib/export/view-model';
import { buildFixtureViewModel } from '../test/fixtures/export-report';

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function bigArticleText(words = 100_000): string {
  const random = seededRandom(42);
  const vocabulary = ['the', 'minister', 'said', 'that', 'unemployment', 'fell', 'to', 'percent', 'last', 'year', 'critics', 'replied', 'exports', 'doubled', 'since', 'officials', 'Tehran', 'حکومت', 'می‌خواهم', 'IS', '2019', 'according', 'report'];
  const list: string[] = [];
  for (let i = 0; i < words; i += 1) list.push(vocabulary[Math.floor(random() * vocabulary.length)]! + (i % 17 === 16 ? '.' : ''));
  const paragraphs: string[] = [];
  for (let i = 0; i < list.length; i += 120) paragraphs.push(list.slice(i, i + 120).join(' '));
  return paragraphs.join('\n\n');
}

export function buildBigReportViewModel(options: { words?: number; claims?: number } = {}): ReportViewModel {
  const base = buildFixtureViewModel();
  const text = bigArticleText(options.words ?? 100_000);
  const random = seededRandom(7);
  const templates = base.claims.filter((c) => !c.orphaned && c.exclusionReason === null);
  const count = options.claims ?? 2_000;
  const claims: ReportClaim[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = templates[i % templates.length]!;
    const from = text.indexOf(' ', Math.floor(random() * (text.length - 200))) + 1;
    const to = text.indexOf(' ', from + 40 + Math.floor(random() * 80));
    claims.push({
      ...template,
      id: `claim-${i + 1}`,
      number: i + 1,
      start: from,
      end: to,
      quote: { exact: text.slice(from, to), prefix: text.slice(Math.max(0, from - 32), from), suffix: text.slice(to, to + 32) },
      position: { start: from, end: to },
    });
  }
  claims.sort((a, b) => a.start! - b.start! || a.number - b.number);
  return { ...base, article: { ...base.article, text, language: 'en' }, claims };
}
