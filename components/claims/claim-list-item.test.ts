import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ComponentProps } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkbenchProvider } from '@/components/workbench/workbench-context';
import type { ClaimRow } from '@/lib/editor/claim-rows';
import { ClaimListItem } from './claim-list-item';

const LEVELS = [
  { id: 'l-true', key: 'true', label: 'True', description: '', color: '#107d54', value: 5, position: 0 },
  { id: 'l-false', key: 'false', label: 'False', description: '', color: '#c90339', value: 0, position: 1 },
];

/** Server-renders a list row inside a minimal workbench (only what the row reads), hence the cast. */
function render(claim: ClaimRow, orphaned = false): string {
  const init = { articleId: 'a', user: { id: 'u', name: 'Tom', role: 'editor' }, levels: LEVELS, members: [], firstPublishedAt: null, shown: { revision: 1, doc: {} }, activeId: null, openTab: 'details' as const };
  const row = createElement(ClaimListItem, { claim, orphaned, unsaved: false, viewers: [], onOpen: () => {} });
  return renderToString(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(WorkbenchProvider, { init, children: row } as unknown as ComponentProps<typeof WorkbenchProvider>)));
}

const textOf = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '');

const base: ClaimRow = {
  id: 'c',
  number: 4,
  version: 1,
  position: { start: 0, end: 5 },
  anchoredRevision: 1,
  anchorState: 'anchored',
  quote: { exact: 'words' },
  originalQuote: '',
  claimText: 'A claim',
  claimant: '',
  verdictId: 'l-false',
  status: 'open',
  exclusionReason: null,
  verdictHidden: false,
  sourceCount: 0,
};
const twoParts: ClaimRow = {
  ...base,
  parts: [
    { position: { start: 0, end: 5 }, quote: { exact: 'words' }, anchorState: 'anchored' },
    { position: { start: 20, end: 30 }, quote: { exact: 'more words' }, anchorState: 'anchored' },
  ],
};

describe('claim list row', () => {
  it('a single-part claim: no parts hint, no orphan marker; the verdict chip carries its glyph', () => {
    const html = render(base);
    expect(html).not.toContain('claim-parts-count');
    expect(html).not.toMatch(/orphaned-badge/);
    expect(html).toMatch(/data-testid="verdict-chip" data-glyph="✗"/);
    expect(textOf(html)).toContain('“words”');
  });

  it('a two-part claim says "2 parts" and quotes both parts joined', () => {
    const html = render(twoParts);
    expect(textOf(html)).toContain('· 2 parts');
    expect(textOf(html)).toContain('“words … more words”');
    expect(html).not.toMatch(/orphaned-badge/);
  });

  it('a partial claim is marked partly orphaned; an orphaned one only orphaned', () => {
    const partial: ClaimRow = { ...twoParts, anchorState: 'partial', parts: [twoParts.parts![0]!, { ...twoParts.parts![1]!, anchorState: 'orphaned' }] };
    const html = render(partial);
    expect(html).toContain('data-testid="claim-partly-orphaned-badge"');
    expect(html).not.toContain('data-testid="claim-orphaned-badge"');
    const orphan = render({ ...base, anchorState: 'orphaned', originalQuote: 'old words' }, true);
    expect(orphan).toContain('data-testid="claim-orphaned-badge"');
    expect(orphan).not.toContain('claim-partly-orphaned-badge');
    expect(textOf(orphan)).toContain('“old words”');
  });

  it('a pending claim shows the pending glyph; a hidden verdict does not leak its glyph', () => {
    expect(render({ ...base, verdictId: null })).toMatch(/data-glyph="○"/);
    const hidden = render({ ...base, verdictHidden: true });
    expect(hidden).toMatch(/data-glyph="○"/);
    expect(textOf(hidden)).toContain('Hidden');
  });
});
