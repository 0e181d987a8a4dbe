import 'server-only';
import { AppError } from '@/lib/errors';
import type { ImportPreview } from '@/lib/domain/import-preview';
import { ImportError, type ImportedArticle } from '@/lib/import/types';
import { FetchError } from '@/lib/server/fetch/types';
import { docStats } from './doc-stats';

export type { ImportPreview };

export function importPreview(article: ImportedArticle, extra: { url?: string | null; fallbackTitle?: string } = {}): ImportPreview {
  const metadata = { ...article.metadata, title: article.metadata.title || extra.fallbackTitle || '' };
  return { format: article.format, doc: article.doc, metadata, warnings: article.warnings, stats: docStats(article.doc, article.text), url: extra.url ?? null };
}

/**
 * Bad input from an importer or the fetcher as a 422 naming the field it came from (`file`, `text`
 * or `url`), so the form shows it there; anything else is rethrown (a real failure stays a 500).
 */
export async function asFieldError<T>(field: 'file' | 'text' | 'url', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportError || error instanceof FetchError) {
      const reason = error.reason;
      throw new AppError('unprocessable', error.message, { fields: [{ path: field, message: error.message }], reason });
    }
    throw error;
  }
}
