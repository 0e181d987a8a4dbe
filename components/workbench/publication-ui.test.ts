import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClaimListItem } from '@/components/claims/claim-list-item';
import type { PublicationStateDto } from '@/lib/domain/publishing';
import type { Role } from '@/lib/domain/roles';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { ArticleLockBanner } from './article-lock-banner';
import { ArticleStatusControl } from './article-status-control';
import type { ArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import type { ClaimDto } from './types';
import { WorkbenchProvider } from './workbench-context';

const PUBLIC_URL = 'https://desk.example/fact-checks/demo-desk/tree-check';

function publication(status: ArticleStatus, everPublished: boolean): PublicationStateDto {
  const log: PublicationStateDto['log'] = everPublished
    ? [{ id: 'p1', sequence: 1, kind: 'published', note: '', overrideReason: null, overriddenBlockers: [], actorId: 'u', actorName: 'Tom', createdAt: '2026-03-01T10:00:00.000Z' }]
    : [];
  return { articleId: 'a', status, version: 4, everPublished, firstPublishedAt: everPublished ? '2026-03-01T10:00:00.000Z' : null, blockers: [], publicUrl: PUBLIC_URL, log };
}

/** Server-renders `node` inside a workbench whose cache holds the article row (and publication state). */
function render(node: ReactNode, { status, role = 'editor', state }: { status: ArticleStatus; role?: Role; state?: PublicationStateDto }): string {
  const client = new QueryClient();
  client.setQueryData<ArticleMeta>(queryKeys.article('a'), { id: 'a', version: 4, revision: 1, status, blindReview: false, title: 'T', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '' });
  if (state) client.setQueryData(queryKeys.publication('a'), state);
  const init = { articleId: 'a', user: { id: 'u', name: 'Tom', role }, levels: [], members: [], firstPublishedAt: state?.firstPublishedAt ?? null, shown: { revision: 1, doc: {} }, activeId: null, openTab: 'details' as const };
  // A minimal init (only what these components read), hence the cast.
  return renderToString(createElement(QueryClientProvider, { client }, createElement(WorkbenchProvider, { init, children: node } as unknown as ComponentProps<typeof WorkbenchProvider>)));
}

/** What a reader sees: the markup's text without tags. */
const textOf = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '');
const testIds = (html: string) => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);

describe('the status control offers what the role may do in each state', () => {
  it('ready: the plain step back and Publish… for an editor; nothing for a reviewer', () => {
    const html = render(createElement(ArticleStatusControl), { status: 'ready', state: publication('ready', false) });
    expect(html).toContain('Back to review');
    expect(testIds(html)).toContain('publish-button');
    expect(html).not.toMatch(/>Publish<|Unpublish/);
    const reviewer = render(createElement(ArticleStatusControl), { status: 'ready', role: 'reviewer', state: publication('ready', false) });
    expect(reviewer).not.toContain('<button');
  });

  it('published: Reopen for an editor, Reopen and Retract for an owner, and the history', () => {
    const editor = testIds(render(createElement(ArticleStatusControl), { status: 'published', state: publication('published', true) }));
    expect(editor).toEqual(expect.arrayContaining(['reopen-button', 'publication-history-button']));
    expect(editor).not.toContain('retract-button');
    expect(editor).not.toContain('publish-button');
    const owner = testIds(render(createElement(ArticleStatusControl), { status: 'published', role: 'owner', state: publication('published', true) }));
    expect(owner).toEqual(expect.arrayContaining(['reopen-button', 'retract-button']));
  });

  it('retracted: no action at all', () => {
    const html = render(createElement(ArticleStatusControl), { status: 'retracted', role: 'owner', state: publication('retracted', true) });
    expect(html).not.toMatch(/reopen-button|retract-button|publish-button/);
    expect(html).toContain('Retracted');
  });
});

describe('the banner above the text', () => {
  it('says a published article is read-only, with its date and the public link', () => {
    const html = render(createElement(ArticleLockBanner), { status: 'published', state: publication('published', true) });
    expect(html).toContain('data-testid="article-locked-banner"');
    expect(textOf(html)).toBe('Published on 1 Mar 2026, 10:00 UTC — read-only. Reopen for correction to change it. View the public page');
    expect(html).toContain(`href="${PUBLIC_URL}"`);
    expect(html).toContain('data-testid="public-page-link"');
  });

  it('locks on the status alone before the publication state arrives', () => {
    const html = render(createElement(ArticleLockBanner), { status: 'retracted', role: 'reviewer' });
    expect(html).toContain('data-testid="article-locked-banner"');
    expect(html).toContain('Retracted');
    expect(html).not.toContain('public-page-link');
  });

  it('says a correction is in progress on a reopened article, and nothing on one never published', () => {
    const reopened = render(createElement(ArticleLockBanner), { status: 'in_review', state: publication('in_review', true) });
    expect(reopened).toContain('data-testid="correction-notice"');
    expect(reopened).toContain('Correction in progress');
    expect(reopened).not.toContain('article-locked-banner');
    expect(render(createElement(ArticleLockBanner), { status: 'ready', state: publication('ready', false) })).toBe('');
  });
});

describe('claim list items', () => {
  const claim = { id: 'c', number: 4, exclusionReason: null, verdictId: null, verdictHidden: false, status: 'open', sources: [], quote: { exact: 'words', prefix: '', suffix: '' }, originalQuote: 'words', claimant: '' } as unknown as ClaimDto;
  const item = (c: ClaimDto) => render(createElement(ClaimListItem, { claim: c, orphaned: false, unsaved: false, viewers: [], onOpen: () => {} }), { status: 'draft' });

  it('show the stable number, not a position', () => {
    expect(item(claim)).toMatch(/data-testid="claim-number">#<!-- -->4</);
  });

  it('mark an excluded claim instead of its verdict', () => {
    const html = item({ ...claim, exclusionReason: 'Opinion, not checkable.' });
    expect(html).toContain('>Excluded<');
    expect(html).not.toContain('data-testid="verdict-chip"');
  });
});
