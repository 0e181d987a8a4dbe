import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResultGroup as Group } from '@/lib/search/types';
import { SearchResultGroup } from './search-result-group';

const levels = [{ id: 'lvl-false', key: 'false', label: 'False', description: '', color: '#d93025', value: 1, position: 0 }];

function hit(over: Partial<SearchHit>): SearchHit {
  return { kind: 'claim', docId: 1, rank: -1, href: '/articles/a1?claim=c1', snippet: [{ text: 'plain', match: false }], ...over };
}

function render(group: Partial<Group>): string {
  const base: Group = { type: 'article', id: 'a1', title: 'An article', workspaceId: 'w1', workspaceName: 'Demo desk', articleStatus: 'in_review', date: '2026-11-01', href: '/articles/a1', hits: [], moreHits: 0 };
  return renderToStaticMarkup(createElement(SearchResultGroup, { group: { ...base, ...group }, levels }));
}

describe('SearchResultGroup', () => {
  it('marks matched words and never renders snippet text as HTML', () => {
    const html = render({ hits: [hit({ snippet: [{ text: '<img src=x onerror=alert(1)> said ', match: false }, { text: '<b>ISIS</b>', match: true }] })] });
    expect(html).toContain('<mark');
    expect(html).toContain('&lt;b&gt;ISIS&lt;/b&gt;</mark>');
    expect(html).not.toContain('<img');
  });

  it('shows the claim number, its verdict chip, status and the group details', () => {
    const claim = { id: 'c1', number: 3, claimText: 'x', claimant: 'y', status: 'resolved' as const, verdict: { id: 'lvl-false', label: 'False', color: '#d93025' }, decisionHidden: false };
    const html = render({ hits: [hit({ claim })], moreHits: 4 });
    expect(html).toContain('Claim #3');
    expect(html).toContain('data-testid="verdict-chip"');
    expect(html).toContain('>False<');
    expect(html).toContain('Resolved');
    expect(html).toContain('+4 more in this article');
    expect(html).toContain('Demo desk');
    expect(html).toContain('1 November 2026');
    expect(html).toContain('href="/articles/a1?claim=c1"');
  });

  it('says the blind-review phrase instead of a verdict the viewer may not see', () => {
    const claim = { id: 'c1', number: 1, claimText: 'x', claimant: 'y', status: null, verdict: null, decisionHidden: true };
    const html = render({ hits: [hit({ claim })] });
    expect(html).toContain('Hidden until you give your verdict');
    expect(html).not.toContain('verdict-chip');
  });

  it('marks an external fact-check and links out only to web addresses', () => {
    const base = { type: 'library' as const, articleStatus: undefined, reviewOrg: 'PolitiFact', hits: [hit({ kind: 'library' })] };
    const html = render({ ...base, url: 'https://example.org/check' });
    expect(html).toContain('External fact-check');
    expect(html).toContain('by PolitiFact');
    expect(html).toContain('href="https://example.org/check"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(render({ ...base, url: 'javascript:alert(1)' })).not.toContain('javascript:');
  });
});
