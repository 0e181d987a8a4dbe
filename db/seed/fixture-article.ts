import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Metadata of an article fixture in fixtures/demo/ (its JSON file). */
export const fixtureMetadataSchema = z.object({
  slug: z.string(),
  title: z.string(),
  outlet: z.string(),
  byline: z.string(),
  url: z.string().url(),
  publishedOn: z.string(),
  language: z.string(),
  sourceCredit: z.string(),
  /** Lines of page chrome (and the headline) to drop from the text. */
  dropLines: z.array(z.string()),
});

export const FIXTURE_DIR = path.join(process.cwd(), 'fixtures', 'demo');

/** An article fixture's metadata (checked against `schema`) and its body text, the drop lines removed. */
export function loadFixtureArticle<S extends typeof fixtureMetadataSchema>(files: { metadata: string; text: string }, schema: S, dir = FIXTURE_DIR): { metadata: z.output<S>; text: string } {
  const metadata = schema.parse(JSON.parse(fs.readFileSync(path.join(dir, files.metadata), 'utf8')));
  const drop = new Set(metadata.dropLines);
  const text = fs
    .readFileSync(path.join(dir, files.text), 'utf8')
    .split('\n')
    .filter((line) => !drop.has(line.trim()))
    .join('\n')
    .trim();
  return { metadata, text };
}
