import { beforeEach, describe, expect, it } from 'vitest';
import { createArticle, getArticle, getStoredDoc, updateArticleText } from './articles';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { plainTextToDocJson } from '@/lib/editor/doc-text';

const TEXT = 'First paragraph.\n\nSecond 😀 paragraph.\n\nThird paragraph.';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const newArticle = () => createArticle(f.db, { workspaceId: f.workspaceId, title: `Stored doc ${crypto.randomUUID()}`, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom });

describe('getStoredDoc', () => {
  it('reads the document of the current revision, and none for another revision or article', async () => {
    const article = await newArticle();
    expect(await getStoredDoc(f.db, article.id, 1)).toEqual(article.docJson);
    expect(await getStoredDoc(f.db, article.id, 2)).toBeNull();
    expect(await getStoredDoc(f.db, crypto.randomUUID(), 1)).toBeNull();
  });

  it('follows a save, and a block-by-block check against it stores what a full check would', async () => {
    const article = await newArticle();
    const stored = await getStoredDoc(f.db, article.id, 1);
    const edited = plainTextToDocJson('First paragraph, edited.\n\nSecond 😀 paragraph.\n\nThird paragraph.');
    const partial = checkArticleDoc(JSON.parse(JSON.stringify(edited)), stored);
    expect(partial).toEqual(checkArticleDoc(JSON.parse(JSON.stringify(edited))));
    const saved = await updateArticleText(f.db, article.id, partial.doc, 1, f.u.tom, partial.text);
    expect(saved.docChanges).toEqual([{ from: 0, to: 1, insert: [partial.doc.content![0]] }]);
    const row = await getArticle(f.db, article.id);
    expect(row.docJson).toEqual(partial.doc);
    expect(row.plainText).toBe(partial.text);
    expect(await getStoredDoc(f.db, article.id, 2)).toEqual(row.docJson);
    expect(await getStoredDoc(f.db, article.id, 1)).toBeNull();
  });
});
