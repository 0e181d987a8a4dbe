import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '@/lib/domain/statuses';
import { articleLockMessage, isArticleLocked } from './lock';

describe('article lock', () => {
  it('locks published and retracted articles, with a message saying why and what to do', () => {
    expect(articleLockMessage('published')).toBe('This fact-check is published, so it is read-only. An editor can reopen it for correction to change it.');
    expect(articleLockMessage('retracted')).toBe('This fact-check was retracted, so it is read-only.');
    expect(isArticleLocked('published')).toBe(true);
    expect(isArticleLocked('retracted')).toBe(true);
  });

  it('leaves every other status writable (a reopened article is in review again)', () => {
    const open = ARTICLE_STATUSES.filter((s) => s !== 'published' && s !== 'retracted');
    expect(open).toEqual(['draft', 'in_review', 'ready']);
    for (const status of open) {
      expect(articleLockMessage(status)).toBeNull();
      expect(isArticleLocked(status)).toBe(false);
    }
  });
});
