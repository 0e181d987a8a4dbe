import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { articles } from '../schema';
import { createArticle, EMPTY_ARTICLE_MESSAGE, getArticle } from './articles';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { AppError } from '@/lib/errors';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const LINK = { type: 'link', attrs: { href: 'https://example.org/report', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } };
const RICH = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Budget grew' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'See the ' }, { type: 'text', text: 'report', marks: [LINK] }, { type: 'text', text: '.' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
  ],
};

const base = () => ({ workspaceId: f.workspaceId, title: `Imported ${crypto.randomUUID()}`, outlet: 'Daily', byline: 'A. Writer', url: 'https://news.example/story', publishedOn: '2026-11-20', language: 'en', sourceCredit: '', createdBy: f.u.tom });

async function articleCount(): Promise<number> {
  const [row] = await f.db.select({ n: count() }).from(articles).where(eq(articles.workspaceId, f.workspaceId));
  return Number(row!.n);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createArticle from a document', () => {
  it('stores the checked document, its canonical text and the import format', async () => {
    const created = await createArticle(f.db, { ...base(), doc: RICH, importFormat: 'url' });
    const row = await getArticle(f.db, created.id);
    expect(row.docJson).toEqual(RICH);
    expect(row.plainText).toBe('Budget grew\n\nSee the report.\n\nOne');
    expect(row.importFormat).toBe('url');
    expect(row.url).toBe('https://news.example/story');
  });

  it('keeps plain text imports as before, marked as text', async () => {
    const created = await createArticle(f.db, { ...base(), text: 'One.\n\nTwo.' });
    const row = await getArticle(f.db, created.id);
    expect(row.importFormat).toBe('text');
    expect(row.docJson).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One.' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Two.' }] }] });
  });

  it('normalises the document (NFC) as every saved document is', async () => {
    const created = await createArticle(f.db, { ...base(), doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cafe\u0301' }] }] }, importFormat: 'rich-text' });
    expect((await getArticle(f.db, created.id)).plainText).toBe('Café');
  });

  it('refuses an invalid document and an empty one (422 on the field), creating nothing', async () => {
    const before = await articleCount();
    const xss = await refusal(createArticle(f.db, { ...base(), doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }, importFormat: 'html' }));
    expect(xss.status).toBe(422);
    expect(xss.details).toMatchObject({ fields: [{ path: 'doc' }] });
    const script = await refusal(createArticle(f.db, { ...base(), doc: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }, importFormat: 'html' }));
    expect(script.status).toBe(422);
    for (const doc of [{ type: 'doc', content: [{ type: 'paragraph' }] }, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: ' \n ' }] }, { type: 'heading', attrs: { level: 2 } }] }]) {
      const empty = await refusal(createArticle(f.db, { ...base(), doc, importFormat: 'markdown' }));
      expect(empty.message).toBe(EMPTY_ARTICLE_MESSAGE);
      expect(empty.details).toEqual({ fields: [{ path: 'doc', message: EMPTY_ARTICLE_MESSAGE }] });
    }
    const blank = await refusal(createArticle(f.db, { ...base(), text: '   \n\n  ' }));
    expect(blank.details).toEqual({ fields: [{ path: 'text', message: EMPTY_ARTICLE_MESSAGE }] });
    expect(await articleCount()).toBe(before);
  });
});
