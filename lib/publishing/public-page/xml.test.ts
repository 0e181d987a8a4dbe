import { describe, expect, it } from 'vitest';
import { toPublicView } from '../public-view';
import { buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';
import type { ReportViewModel } from '@/lib/export/view-model';
import { escapeXml, feedSummary, publicClaimNumbers, renderAtomFeed, renderSitemap, xmlDateTime, type PublishedEntry } from './xml';
import { childElements, childText, parseXml } from './xml-parse.test-helper';

const APP = 'https://desk.example.org/';
const HOSTILE = `Budget & "tax" <script>alert(1)</script> ]]> 'quoted' \u0001\u0008\uFFFE\uD800 end`;

function publicFixture(): ReportViewModel {
  const vm = buildPublishedFixtureViewModel();
  return toPublicView(vm, vm.publication!);
}

function entry(slug: string, title: string, last: string, overrides: Partial<PublishedEntry> = {}): PublishedEntry {
  const snapshot = publicFixture();
  return {
    workspaceSlug: 'verification-desk',
    articleSlug: slug,
    snapshot: { ...snapshot, article: { ...snapshot.article, title, outlet: 'News <Example> & Co' } },
    firstPublishedAt: new Date('2024-03-08T09:00:00.000Z'),
    lastPublishedAt: new Date(last),
    ...overrides,
  };
}

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('tab\tnl\ncr\r ok')).toBe('tab\tnl\ncr\r ok');
    expect(escapeXml('\u0000\u0001\u000B\u001F\uFFFE\uFFFF')).toBe('');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low, pair 🚀')).toBe('lone  high, lone  low, pair 🚀');
    expect(() => parseXml(`<a>${escapeXml(HOSTILE)}</a>`)).not.toThrow();
  });

  it('writes dates as UTC xsd:dateTime and refuses non-dates', () => {
    expect(xmlDateTime(new Date('2024-03-10T12:30:00.123Z'))).toBe('2024-03-10T12:30:00Z');
    expect(xmlDateTime('2024-03-10T14:30:00+02:00')).toBe('2024-03-10T12:30:00Z');
    expect(() => xmlDateTime('not a date')).toThrow(RangeError);
  });
});

describe('renderSitemap', () => {
  it('lists each article page and its claim pages (excluded claims have none) with lastmod', () => {
    const xml = renderSitemap(APP, [entry('economy', 'Economy', '2024-03-10T12:30:00Z'), entry('budget&co', 'Budget', '2024-03-01T08:00:00Z')]);
    const urlset = parseXml(xml);
    expect(urlset.name).toBe('urlset');
    expect(urlset.attrs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = childElements(urlset, 'url').map((u) => [childText(u, 'loc'), childText(u, 'lastmod')]);
    const numbers = publicClaimNumbers(publicFixture());
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(urls).toEqual([
      ['https://desk.example.org/fact-checks/verification-desk/economy', '2024-03-10T12:30:00Z'],
      ...numbers.map((n) => [`https://desk.example.org/fact-checks/verification-desk/economy/claims/${n}`, '2024-03-10T12:30:00Z']),
      ['https://desk.example.org/fact-checks/verification-desk/budget%26co', '2024-03-01T08:00:00Z'],
      ...numbers.map((n) => [`https://desk.example.org/fact-checks/verification-desk/budget%26co/claims/${n}`, '2024-03-01T08:00:00Z']),
    ]);
  });

  it('is a valid empty urlset when nothing is published', () => {
    expect(childElements(parseXml(renderSitemap(APP, [])), 'url')).toEqual([]);
  });
});

describe('renderAtomFeed', () => {
  const workspace = { slug: 'verification-desk', name: 'Verification desk', organizationName: `Example <Fact> & "Check"`, createdAt: new Date('2024-01-01T00:00:00Z') };

  it('has one entry per fact-check (id = its URL, updated, title, summary, link), escaped, in the given order', () => {
    const entries = [entry('economy', HOSTILE, '2024-03-10T12:30:00Z'), entry('budget', 'City budget', '2024-03-01T08:00:00Z')];
    const feed = parseXml(renderAtomFeed({ appUrl: APP, workspace, entries }));
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(childText(feed, 'id')).toBe('https://desk.example.org/fact-checks/verification-desk/feed.xml');
    expect(childText(feed, 'title')).toBe(`Fact-checks by Example <Fact> & "Check"`);
    expect(childText(feed, 'updated')).toBe('2024-03-10T12:30:00Z');
    expect(childElements(feed, 'link')[0]?.attrs).toEqual({ rel: 'self', type: 'application/atom+xml', href: 'https://desk.example.org/fact-checks/verification-desk/feed.xml' });
    expect(childText(childElements(feed, 'author')[0]!, 'name')).toBe(`Example <Fact> & "Check"`);

    const [first, second] = childElements(feed, 'entry');
    expect(childText(first!, 'id')).toBe('https://desk.example.org/fact-checks/verification-desk/economy');
    expect(childText(first!, 'title')).toBe(`Fact-check: Budget & "tax" <script>alert(1)</script> ]]> 'quoted'  end`);
    expect(childText(first!, 'updated')).toBe('2024-03-10T12:30:00Z');
    expect(childText(first!, 'published')).toBe('2024-03-08T09:00:00Z');
    expect(childElements(first!, 'link')[0]?.attrs).toEqual({ rel: 'alternate', type: 'text/html', href: 'https://desk.example.org/fact-checks/verification-desk/economy' });
    expect(childElements(first!, 'summary')[0]?.attrs).toEqual({ type: 'text' });
    expect(childText(first!, 'summary')).toBe('7 claims checked: 1 Mostly true, 1 Half true, 2 False, 1 Unproven, 1 Not checkable, 1 Pending. Article by News <Example> & Co.');
    expect(childText(second!, 'id')).toBe('https://desk.example.org/fact-checks/verification-desk/budget');
  });

  it('is a valid feed without entries, updated = when the workspace was created', () => {
    const feed = parseXml(renderAtomFeed({ appUrl: APP, workspace, entries: [] }));
    expect(childElements(feed, 'entry')).toEqual([]);
    expect(childText(feed, 'updated')).toBe('2024-01-01T00:00:00Z');
  });

  it('summarises an article without claims or outlet', () => {
    const vm = publicFixture();
    expect(feedSummary({ ...vm, claims: [], article: { ...vm.article, outlet: ' ' } })).toBe('No claims checked.');
  });
});

describe('parseXml (the test helper itself)', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a>&nbsp;</a>', '<a>x & y</a>', '<a b=c/>', '<a b="1" b="2"/>', '<a/><b/>', '<a>\u0001</a>', '<a>', '<a><</a>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<a x="&lt;&#65;&#x42;">t&amp;t</a>')).toEqual({ name: 'a', attrs: { x: '<AB' }, children: ['t&t'] });
  });
});
