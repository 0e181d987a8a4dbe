import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../client';
import { importLibraryItems, type ImportCounts } from '../queries/claim-library';
import { parseClaimReviewText } from '@/lib/claim-review/parse';
import { FIXTURE_DIR } from './fixture-article';

/**
 * The demo workspace's claim library: fixtures/demo/claim-reviews.json (ClaimReviews by
 * clearly-labelled example organisations on the demo article's topics), imported through the same
 * parser and query as an upload. Idempotent: a second run finds every URL unchanged.
 */
export async function seedDemoLibrary(db: Db, workspaceId: string, actorId: string, dir = FIXTURE_DIR): Promise<ImportCounts> {
  const parsed = parseClaimReviewText(fs.readFileSync(path.join(dir, 'claim-reviews.json'), 'utf8'));
  if (parsed.fatal || parsed.errors.length > 0) {
    throw new Error(`fixtures/demo/claim-reviews.json: ${parsed.errors.map((e) => e.message).join('; ')}`);
  }
  return importLibraryItems(db, workspaceId, parsed.items, actorId);
}
