import { describe, expect, it } from 'vitest';
import { toPublicationAudience } from './publication-audience';
import { renderHtmlReport, renderHtmlReportWithReact } from './html';
import { esc } from './report-string';
import type { ReportClaim, ReportViewModel } from './view-model';
import { buildFixtureViewModel, buildMultiPartFixtureViewModel, buildPublishedFixtureViewModel } from '@/test/fixtures/export-report';
import { buildBigReportViewModel } from '@/bench/big-report';

/** The string renderer must write exactly what React's renderToStaticMarkup writes for the components. */
async function expectSameAsReact(vm: ReportViewModel): Promise<void> {
  const [fast, react] = await Promise.all([renderHtmlReport(vm), renderHtmlReportWithReact(vm)]);
  if (fast !== react) {
    // Show where they part, not two 10 KB strings.
    let i = 0;
    while (i < fast.length && fast[i] === react[i]) i += 1;
    expect(fast.slice(Math.max(0, i - 200), i + 200)).toBe(react.slice(Math.max(0, i - 200), i + 200));
  }
  expect(fast).toBe(react);
}

const hostile = '<script>alert("x")</script> & \'quoted\' "double" \u202e 🚀';

describe('string HTML report equals the React components rendered with renderToStaticMarkup', () => {
  it('on the fixture report (internal)', async () => {
    await expectSameAsReact(buildFixtureViewModel());
  });

  it('on the published fixture, internally and as the public audience', async () => {
    const published = buildPublishedFixtureViewModel();
    await expectSameAsReact(published);
    await expectSameAsReact(toPublicationAudience(published));
    await expectSameAsReact({ ...published, audience: 'public' });
  });

  it('with a retraction, corrections and hostile text everywhere', async () => {
    const published = buildPublishedFixtureViewModel();
    const vm: ReportViewModel = {
      ...published,
      article: { ...published.article, status: 'retracted', title: hostile, outlet: hostile, byline: '', publishedOn: null, url: 'javascript:alert(1)', sourceCredit: '  ', language: 'not a tag!' },
      workspace: { ...published.workspace, organizationName: '', name: hostile, organizationUrl: 'ftp://x' },
      scale: { ...published.scale, name: hostile },
      publication: { ...published.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: `The <b>figures</b>\nwere wrong ${hostile}` }, corrections: [{ at: '2024-03-10T00:00:00.000Z', note: `line one\r\nline two ${hostile}` }] },
      claims: published.claims.map((c, i): ReportClaim => ({
        ...c,
        claimText: i % 2 ? hostile : '',
        claimant: i % 3 ? hostile : '',
        claimDate: i % 3 ? 'not a date' : null,
        claimAppearance: i % 4 === 0 ? hostile : i % 4 === 1 ? 'https://example.org/a?b=1&c="2"' : null,
        rationale: i % 2 ? `${hostile}\n\nsecond\nline` : '   ',
        exclusionReason: i === 2 ? `Out of scope\n${hostile}` : c.exclusionReason,
        sources: c.sources.map((s) => ({ ...s, title: i % 2 ? '' : hostile, publisher: hostile, excerpt: `${hostile}\nmore`, url: i % 2 ? s.url : 'data:text/html,<b>' })),
        reviewers: c.reviewers.map((r) => ({ ...r, reason: hostile, reviewer: { ...r.reviewer, name: hostile } })),
        replies: c.replies.map((r) => ({ ...r, contact: hostile, response: i % 2 ? hostile : null, showPublicly: i % 2 === 0 })),
        comments: c.comments.map((m) => ({ ...m, body: hostile, isPublic: true })),
      })),
    };
    await expectSameAsReact(vm);
    await expectSameAsReact({ ...vm, audience: 'public' });
    expect(await renderHtmlReport(vm)).not.toContain('<script>');
  });

  it('under blind review, with hidden decisions', async () => {
    const vm = buildFixtureViewModel();
    await expectSameAsReact({ ...vm, claims: vm.claims.map((c) => ({ ...c, finalVerdict: null, rationale: '', status: null, reviewers: [], decisionHidden: true })) });
  });

  it('with no claims, no text, CRLF text and every claim excluded', async () => {
    const vm = buildFixtureViewModel();
    await expectSameAsReact({ ...vm, claims: [], article: { ...vm.article, text: '', url: null } });
    await expectSameAsReact({ ...vm, article: { ...vm.article, text: vm.article.text.replace(/\n/g, '\r\n') }, claims: [] });
    await expectSameAsReact({ ...vm, claims: vm.claims.map((c) => ({ ...c, exclusionReason: 'Opinion' })) });
    await expectSameAsReact({ ...vm, article: { ...vm.article, text: '\n\n\n\nA\r\n\r\nB\n' }, claims: [] });
  });

  it('with archived copies of sources (a safe link, a hostile one left out)', async () => {
    const vm = buildPublishedFixtureViewModel();
    await expectSameAsReact({
      ...vm,
      claims: vm.claims.map((c): ReportClaim => ({
        ...c,
        sources: c.sources.map((s, i) => ({ ...s, archiveUrl: i % 2 ? 'javascript:alert(1)' : `https://claimdesk.test/archive/${s.id}?a=1&b="2"` })),
      })),
    });
  });

  it('with multi-part claims (one partly orphaned) and sources quoting passages, internally and publicly', async () => {
    const vm = buildMultiPartFixtureViewModel();
    await expectSameAsReact(vm);
    await expectSameAsReact(toPublicationAudience({ ...vm, publication: buildPublishedFixtureViewModel().publication }));
    // Hostile passages and parts, a bad source URL, every part gone, an old snapshot without parts.
    await expectSameAsReact({
      ...vm,
      claims: vm.claims.map((c, i): ReportClaim => ({
        ...c,
        parts: c.parts?.map((p, j) => ({ ...p, quote: { ...p.quote, exact: `${hostile}\nline ${j} …` } })),
        sources: c.sources.map((s) => ({ ...s, excerpt: `${hostile}\n- , &`, excerptPrefix: hostile, url: i % 2 ? s.url : 'javascript:alert(1)' })),
      })),
    });
    await expectSameAsReact({ ...vm, claims: vm.claims.map((c) => (c.parts ? { ...c, orphaned: true, start: null, end: null, parts: c.parts.map((p) => ({ ...p, orphaned: true, start: null, end: null })) } : c)) });
    await expectSameAsReact({ ...vm, claims: vm.claims.map(({ parts: _parts, ...c }) => ({ ...c, sources: c.sources.map(({ excerptPrefix: _p, excerptSuffix: _s, ...s }) => s) })) });
  });

  it('on a slice of the newsroom-scale report: 10,000 words, 200 overlapping claims', async () => {
    await expectSameAsReact(buildBigReportViewModel({ words: 10_000, claims: 200 }));
  });
});

describe('esc', () => {
  it('escapes like React', () => {
    expect(esc(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#x27;d&#x27;');
    expect(esc('plain')).toBe('plain');
    expect(esc(12)).toBe('12');
  });
});
