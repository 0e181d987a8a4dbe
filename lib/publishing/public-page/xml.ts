/**
 * The workspace's sitemap (sitemaps.org 0.9) and Atom feed (RFC 4287) of published fact-checks.
 * Pure string builders: every piece of text passes through escapeXml, which also drops the
 * characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
 */
import { checkerName } from '@/lib/export/format';
import { publicArticleUrl, publicClaimUrl, publicFeedUrl } from '../urls';
import { verdictTally } from './meta';
import type { ReportViewModel } from '@/lib/export/view-model';

// Characters outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe for XML element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** xsd:dateTime in UTC, seconds precision (W3C Datetime for sitemaps, RFC 3339 for Atom). */
export function xmlDateTime(date: Date | string): string {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One published fact-check, as the sitemap and feed list it. */
export interface PublishedEntry {
  workspaceSlug: string;
  articleSlug: string;
  /** The public snapshot served for it. */
  snapshot: ReportViewModel;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
}

/** The article page and each of its claim pages, lastmod = the latest publication. */
export function renderSitemap(appUrl: string, entries: readonly PublishedEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    const lastmod = xmlDateTime(entry.lastPublishedAt);
    const urls = [
      publicArticleUrl(appUrl, entry.workspaceSlug, entry.articleSlug),
      ...publicClaimNumbers(entry.snapshot).map((n) => publicClaimUrl(appUrl, entry.workspaceSlug, entry.articleSlug, n)),
    ];
    for (const loc of urls) lines.push(`  <url><loc>${escapeXml(loc)}</loc><lastmod>${lastmod}</lastmod></url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export interface FeedInput {
  appUrl: string;
  workspace: { slug: string; name: string; organizationName: string; createdAt: Date };
  /** Newest first (the order they are written in). */
  entries: readonly PublishedEntry[];
}

/** An Atom feed with one entry per published fact-check: id = its URL, summary = the verdict tally. */
export function renderAtomFeed({ appUrl, workspace, entries }: FeedInput): string {
  const self = publicFeedUrl(appUrl, workspace.slug);
  const name = checkerName(workspace);
  const updated = entries.reduce<Date>((latest, e) => (e.lastPublishedAt > latest ? e.lastPublishedAt : latest), entries[0]?.lastPublishedAt ?? workspace.createdAt);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(`Fact-checks by ${name}`)}</title>`,
    `  <updated>${xmlDateTime(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <author><name>${escapeXml(name)}</name></author>`,
    '  <generator>Claimdesk</generator>',
  ];
  for (const entry of entries) {
    const url = publicArticleUrl(appUrl, entry.workspaceSlug, entry.articleSlug);
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(`Fact-check: ${entry.snapshot.article.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${xmlDateTime(entry.firstPublishedAt)}</published>`,
      `    <updated>${xmlDateTime(entry.lastPublishedAt)}</updated>`,
      `    <summary type="text">${escapeXml(feedSummary(entry.snapshot))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** "3 claims checked: 2 False, 1 Misleading." (plus the outlet when known). */
export function feedSummary(vm: ReportViewModel): string {
  const outlet = vm.article.outlet.trim();
  return `${verdictTally(vm)}${outlet ? ` Article by ${outlet}.` : ''}`;
}

/** Stable numbers of the claims that have a public page (excluded claims have none). */
export function publicClaimNumbers(vm: ReportViewModel): number[] {
  return vm.claims.filter((c) => !c.exclusionReason).map((c) => c.number);
}
