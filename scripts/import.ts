/**
 * `npm run import -- --workspace <slug> [--title …] [--outlet …] [--language …] <file or URL>`:
 * imports an article into the configured database (DATABASE_URL=postgres://…, else the SQLite file
 * in CLAIMDESK_DB) through the same code as the app's "New article" form: the file's format from
 * its name (lib/import importFormatOfFile), or the page fetched by the safe fetcher
 * (lib/server/import/from-url), then createArticle. Prints "<id>\t<slug>" on standard output.
 * Exit codes: 0 success, 1 failure (unknown workspace, missing or unsupported file, empty text,
 * unreachable URL…), 2 usage error. Nothing is created on failure.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { closeDb, openMigratedDb } from '../db/client';
import { databaseConfig } from '../db/dialect';
import { createArticle } from '../db/queries/articles';
import { workspaces } from '../db/schema';
import { IMPORT_USAGE, ImportCliUsageError, parseImportCliArgs, type ImportCliOptions } from '../lib/articles/import-cli-args';
import { AppError } from '../lib/errors';
import { convertImport } from '../lib/import';
import { MAX_IMPORT_BYTES, type ImportedArticle } from '../lib/import/types';
import { fetchArticleFromUrl } from '../lib/server/import/from-url';
import { fileImportInput, titleFromFileName } from '../lib/server/import/file-input';
import { articleMetadataSchema } from '../lib/validations/articles';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number> {
  let options: ImportCliOptions;
  try {
    const command = parseImportCliArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(`${IMPORT_USAGE}\n`);
      return 0;
    }
    options = command.options;
  } catch (error) {
    if (!(error instanceof ImportCliUsageError)) throw error;
    process.stderr.write(`import: ${error.message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }
  try {
    const { id, slug } = await importArticle(options);
    process.stdout.write(`${id}\t${slug}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

/** The article from the file or page, before anything touches the database. */
async function readSource(options: ImportCliOptions): Promise<{ article: ImportedArticle; url: string | null; fallbackTitle: string }> {
  if (options.source.kind === 'url') {
    const article = await fetchArticleFromUrl(options.source.url);
    // The address the text came from after redirects: what "Check for updates" fetches again (as the import form does).
    return { article, url: article.finalUrl, fallbackTitle: '' };
  }
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.source.path);
  const info = await stat(file).catch(() => null);
  if (!info) throw new Error(`No file at ${file}.`);
  if (!info.isFile()) throw new Error(`${file} is not a file.`);
  if (info.size > MAX_IMPORT_BYTES) throw new Error(`The file is too large (${(info.size / 1024 / 1024).toFixed(1)} MB; ${MAX_IMPORT_BYTES / 1024 / 1024} MB at most).`);
  const bytes = new Uint8Array(await readFile(file));
  const article = await convertImport(fileImportInput(path.basename(file), '', bytes));
  return { article, url: null, fallbackTitle: titleFromFileName(file) };
}

async function importArticle(options: ImportCliOptions): Promise<{ id: string; slug: string }> {
  const config = databaseConfig();
  // Opening would silently create an empty SQLite file; a typo in CLAIMDESK_DB deserves a clear error.
  if (config.dialect === 'sqlite' && config.file !== ':memory:' && !existsSync(config.file)) {
    throw new Error(`No database at ${config.file}. Set CLAIMDESK_DB to your database file, or run "npm run seed" to create the demo one.`);
  }
  const db = await openMigratedDb(config);
  try {
    const [workspace] = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(eq(workspaces.slug, options.workspace)).limit(1);
    if (!workspace) {
      const known = (await db.select({ slug: workspaces.slug }).from(workspaces).orderBy(asc(workspaces.slug))).map((w) => w.slug);
      throw new Error(`No workspace has the slug "${options.workspace}".${known.length ? ` Workspaces: ${known.join(', ')}.` : ''}`);
    }
    const { article, url, fallbackTitle } = await readSource(options);
    const extracted = article.metadata;
    const title = options.title ?? (extracted.title.trim() || fallbackTitle);
    if (!title) throw new Error('The input names no title: give one with --title.');
    // The same rules as the import form (lengths, URL, date, language).
    const parsed = articleMetadataSchema.safeParse({
      title,
      outlet: options.outlet ?? extracted.outlet,
      byline: options.byline ?? extracted.byline,
      url: url ?? undefined,
      publishedOn: options.publishedOn ?? extracted.publishedOn ?? undefined,
      language: options.language ?? extracted.language ?? 'en',
      sourceCredit: options.sourceCredit ?? '',
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${issue?.path.join('.') || 'metadata'}: ${issue?.message ?? 'invalid'}`);
    }
    for (const warning of article.warnings) process.stderr.write(`import: note: ${warning}\n`);
    const row = await createArticle(db, { ...parsed.data, workspaceId: workspace.id, doc: article.doc, importFormat: article.format, createdBy: null });
    process.stderr.write(`Imported “${row.title}” into ${workspace.name} (${article.format}).\n`);
    return { id: row.id, slug: row.slug };
  } catch (error) {
    // A refusal from createArticle (empty text, invalid document) carries its own message.
    if (error instanceof AppError) throw new Error(error.message);
    throw error;
  } finally {
    await closeDb(db);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT_FAILURE;
  },
);
