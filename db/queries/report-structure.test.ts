import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '../client';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { articles, users } from '../schema';
import { seedDemo } from '../seed/demo';
import { createArticle, getArticle } from './articles';
import { createClaim } from './claims';
import { buildReportViewModel, findArticleForExport } from './report';
import { renderHtmlReport } from '@/lib/export/html';
import { renderMarkdownReport } from '@/lib/export/markdown';

/** The report view model carries the article's structure (article.blocks) for the renderers. */
const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const DOC: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Budget day')] },
    { type: 'paragraph', content: [t('The minister said '), t('the deficit', [{ type: 'bold' }]), t(' fell.')] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('Exports grew')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [t('Imports fell')] }] }] },
  ],
};

let db: Db;
let workspaceId: string;
let tom: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db);
  workspaceId = (await getArticle(db, (await findArticleForExport(db, 'demo')).id)).workspaceId;
  tom = (await db.select({ id: users.id }).from(users).where(eq(users.email, 'tom@claimdesk.demo')).limit(1))[0]!.id;
});

async function richArticle(title: string) {
  return createArticle(db, { workspaceId, title, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', doc: DOC, importFormat: 'html', createdBy: tom });
}

describe('the report of a structured article', () => {
  it('has the blocks of the stored document, and the exports render them around a claim spanning two blocks', async () => {
    const article = await richArticle('Structured');
    const text = article.plainText;
    const start = text.indexOf('day');
    const end = text.indexOf(' said');
    await createClaim(db, { articleId: article.id, revision: article.revision, start, end, actorId: tom });

    const vm = await buildReportViewModel(db, article.id, { appUrl: 'http://claimdesk.test' });
    expect(vm.article.blocks?.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['heading', 'Budget day'],
      ['paragraph', 'The minister said the deficit fell.'],
      ['paragraph', 'Exports grew'],
      ['paragraph', 'Imports fell'],
    ]);
    expect(vm.claims[0]).toMatchObject({ start, end });

    const html = await renderHtmlReport(vm);
    expect(html).toMatch(/<h3 dir="auto">Budget <span class="hl hl-pending" data-claim="1"[^>]*>day<\/span><\/h3><p dir="auto"><span class="hl hl-pending" data-claim="1"[^>]*>The minister<\/span><sup class="mk">/);
    expect(html).toContain('<ul dir="ltr"><li><p dir="auto">Exports grew</p></li><li><p dir="auto">Imports fell</p></li></ul>');
    expect(html).toContain('<strong>the deficit</strong>');
    const md = renderMarkdownReport(vm);
    expect(md).toContain('### Budget day\n\nThe minister **[1]** said **the deficit** fell.\n\n- Exports grew\n- Imports fell');
  });

  it('leaves the blocks out when the stored text does not match the document (paragraphs, as before)', async () => {
    const article = await richArticle('Mismatched');
    await transaction(db, (tx) => tx.update(articles).set({ plainText: 'Something else entirely.' }).where(eq(articles.id, article.id)));
    const vm = await buildReportViewModel(db, article.id, { appUrl: 'http://claimdesk.test' });
    expect(vm.article.blocks).toBeUndefined();
    expect(await renderHtmlReport(vm)).toContain('<p dir="auto">Something else entirely.</p>');
  });

  it('keeps the blocks of a plain-text article as paragraphs', async () => {
    const article = await createArticle(db, { workspaceId, title: 'Plain', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: 'One.\n\nTwo.', createdBy: tom });
    const vm = await buildReportViewModel(db, article.id, { appUrl: 'http://claimdesk.test' });
    expect(vm.article.blocks).toEqual([
      { start: 0, end: 4, kind: 'paragraph', containers: [], marks: [] },
      { start: 6, end: 10, kind: 'paragraph', containers: [], marks: [] },
    ]);
  });
});
