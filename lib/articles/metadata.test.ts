import { describe, expect, it } from 'vitest';
import { changedMetadata, metadataFormValues, metadataPatchOf, updateArticleMetadataSchema, type ArticleMetadata } from './metadata';
import { TRASH_PUBLISHED_MESSAGE, TRASH_RETENTION_MS, trashDaysLeft, trashPurgeCutoff, trashPurgeDate, trashRefusal } from './trash';
import { describeHistoryEntry } from '@/lib/review/history-diff';

const current: ArticleMetadata = { title: 'Old', outlet: 'Radio Farda', byline: 'Jane', url: 'https://example.org/a', publishedOn: '2017-11-22', language: 'en', sourceCredit: '' };

describe('updateArticleMetadataSchema + metadataPatchOf', () => {
  it('keeps only the fields sent (defaults never overwrite), parsed by the import rules', () => {
    const raw = { version: 3, title: '  New title ' };
    const parsed = updateArticleMetadataSchema.parse(raw);
    expect(metadataPatchOf(raw, parsed)).toEqual({ title: 'New title' });
    const cleared = { version: 3, url: '', publishedOn: '' };
    expect(metadataPatchOf(cleared, updateArticleMetadataSchema.parse(cleared))).toEqual({ url: null, publishedOn: null });
  });

  it('refuses bad values, unknown fields (the slug) and a missing version', () => {
    for (const bad of [{ title: 'x' }, { version: 1, title: '' }, { version: 1, url: 'javascript:alert(1)' }, { version: 1, publishedOn: '2023-02-29' }, { version: 1, language: 'English' }, { version: 1, slug: 'new-address' }, { version: 0 }]) {
      expect(updateArticleMetadataSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(metadataPatchOf(null, {})).toEqual({});
  });
});

describe('changedMetadata', () => {
  it('lists only the fields that differ, before and after', () => {
    expect(changedMetadata(current, { title: 'New', outlet: 'Radio Farda', url: null })).toEqual({ before: { title: 'Old', url: 'https://example.org/a' }, after: { title: 'New', url: null }, fields: ['title', 'url'] });
    expect(changedMetadata(current, {})).toEqual({ before: {}, after: {}, fields: [] });
    expect(metadataFormValues({ ...current, url: null, publishedOn: null })).toMatchObject({ url: '', publishedOn: '' });
  });
});

describe('trash rules', () => {
  it('dates the purge 30 days after deletion', () => {
    const deleted = new Date('2026-01-01T12:00:00Z');
    expect(trashPurgeDate(deleted).toISOString()).toBe('2026-01-31T12:00:00.000Z');
    expect(trashPurgeCutoff(new Date('2026-01-31T12:00:00Z')).toISOString()).toBe(deleted.toISOString());
    expect(TRASH_RETENTION_MS).toBe(30 * 86_400_000);
    expect(trashDaysLeft(deleted, new Date('2026-01-02T12:00:00Z'))).toBe(29);
    expect(trashDaysLeft(deleted, new Date('2026-02-05T00:00:00Z'))).toBe(0);
  });

  it('refuses published and retracted articles only', () => {
    expect(trashRefusal('published')).toBe(TRASH_PUBLISHED_MESSAGE);
    expect(trashRefusal('retracted')).toMatch(/retraction notice/);
    for (const status of ['draft', 'in_review', 'ready'] as const) expect(trashRefusal(status)).toBeNull();
  });

  it('tells trash and restore apart in the history', () => {
    expect(describeHistoryEntry({ entityType: 'article', action: 'delete', actorName: 'Tom', before: { title: 'T' }, after: { deletedAt: '2026-01-01T00:00:00.000Z' } })).toBe('Tom moved the article to the trash');
    expect(describeHistoryEntry({ entityType: 'article', action: 'update', actorName: 'Tom', before: { deletedAt: '2026-01-01T00:00:00.000Z' }, after: { deletedAt: null } })).toBe('Tom restored the article from the trash');
    expect(describeHistoryEntry({ entityType: 'article', action: 'update', actorName: 'Tom', before: { outlet: 'A' }, after: { outlet: 'B' } })).toMatch(/outlet/i);
  });
});
