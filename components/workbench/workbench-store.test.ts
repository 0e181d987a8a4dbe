import { describe, expect, it } from 'vitest';
import { createWorkbenchStore, NO_EDITS } from './workbench-store';

function store(activeId: string | null = null) {
  return createWorkbenchStore({ articleId: 'a', user: { id: 'u', name: 'U', role: 'editor' }, levels: [], members: [], firstPublishedAt: null, shown: { revision: 1, doc: {} }, activeId, openTab: 'history' });
}

describe('workbench store', () => {
  it('opens a claim on the Details tab', () => {
    const s = store();
    expect(s.getState().openTab).toBe('history');
    s.getState().openClaim('c1');
    expect(s.getState()).toMatchObject({ activeId: 'c1', openTab: 'details' });
    s.getState().closeClaim();
    expect(s.getState().activeId).toBeNull();
  });

  it('keeps drafts per claim, starting from no edits', () => {
    const s = store();
    s.getState().updateDraft('c1', (d) => ({ edits: { ...d.edits, claimant: 'Ana' }, baseVersion: d.baseVersion ?? 3 }));
    s.getState().updateDraft('c1', (d) => ({ edits: { ...d.edits, rationale: 'Because' }, baseVersion: d.baseVersion ?? 4 }));
    expect(s.getState().drafts.c1).toEqual({ edits: { claimant: 'Ana', rationale: 'Because' }, baseVersion: 3 });
    expect(s.getState().drafts.c2).toBeUndefined();
    s.getState().updateDraft('c1', () => NO_EDITS);
    expect(s.getState().drafts.c1).toEqual(NO_EDITS);
  });

  it('forgets a deleted claim: closes it when open, drops its draft, remembers the deletion', () => {
    const s = store('c1');
    s.getState().updateDraft('c1', () => ({ edits: { claimant: 'x' }, baseVersion: 1 }));
    s.getState().claimDeleted('c1');
    expect(s.getState().activeId).toBeNull();
    expect(s.getState().drafts.c1).toBeUndefined();
    expect(s.getState().deletedIds.has('c1')).toBe(true);
  });

  it('leaves another open claim open when one is deleted', () => {
    const s = store('c2');
    s.getState().claimDeleted('c1');
    expect(s.getState().activeId).toBe('c2');
  });

  it('gives each workbench its own store', () => {
    const first = store();
    const second = store();
    first.getState().openClaim('c1');
    expect(second.getState().activeId).toBeNull();
  });

  const seen = { version: 3, quotes: ['the words'] };

  it('ends choosing words when another claim opens, the claim closes or is deleted', () => {
    const s = store('c1');
    s.getState().setSpanMode({ claimId: 'c1', partIndex: null, seen });
    s.getState().openClaim('c1');
    expect(s.getState().spanMode).toEqual({ claimId: 'c1', partIndex: null, seen });
    s.getState().openClaim('c2');
    expect(s.getState().spanMode).toBeNull();
    s.getState().setSpanMode({ claimId: 'c2', partIndex: 1, seen });
    s.getState().claimDeleted('c3');
    expect(s.getState().spanMode).toEqual({ claimId: 'c2', partIndex: 1, seen });
    s.getState().claimDeleted('c2');
    expect(s.getState().spanMode).toBeNull();
    s.getState().openClaim('c4');
    s.getState().setSpanMode({ claimId: 'c4', partIndex: null, seen });
    s.getState().closeClaim();
    expect(s.getState().spanMode).toBeNull();
  });

  it('ends choosing words when editing the text starts, not when it ends', () => {
    const s = store('c1');
    s.getState().setSpanMode({ claimId: 'c1', partIndex: 0, seen });
    s.getState().setEditing(false);
    expect(s.getState().spanMode).toEqual({ claimId: 'c1', partIndex: 0, seen });
    s.getState().setEditing(true);
    expect(s.getState().editing).toBe(true);
    expect(s.getState().spanMode).toBeNull();
    s.getState().setEditing(false);
    expect(s.getState().editing).toBe(false);
    expect(s.getState().spanMode).toBeNull();
  });
});
