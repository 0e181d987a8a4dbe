/**
 * `npm run export -- --article <id or slug> --format <format> [--out FILE] [--draft]`: renders an
 * article's report from the configured database (DATABASE_URL=postgres://…, else the SQLite file in
 * CLAIMDESK_DB) with the same code and rules as the app's Export menu (ClaimReview of an
 * unpublished article only with --draft).
 * Exit codes: 0 success, 1 failure (unknown article, no browser for PDF…), 2 usage error.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { closeDb, openMigratedDb } from '../db/client';
import { databaseConfig } from '../db/dialect';
import { buildReportViewModel, findArticleForExport } from '../db/queries/report';
import { claimReviewRefusal } from '../lib/export/claimreview';
import { CliUsageError, EXPORT_USAGE, parseExportCliArgs, resolveAppUrl, type ExportCliOptions } from '../lib/export/cli-args';
import { isPublicationFormat, renderReport } from '../lib/export/index';
import { toPublicationAudience } from '../lib/export/publication-audience';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number> {
  let options: ExportCliOptions;
  let appUrl: string;
  try {
    const command = parseExportCliArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(`${EXPORT_USAGE}\n`);
      return 0;
    }
    options = command.options;
    appUrl = resolveAppUrl(process.env);
    if (options.format === 'pdf' && options.out === null && process.stdout.isTTY) {
      throw new CliUsageError('Not writing a PDF to the terminal: give --out FILE or redirect the output.');
    }
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`export: ${error.message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }

  try {
    await exportReport(options, appUrl);
    return 0;
  } catch (error) {
    process.stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\n`);
    // Messages say what went wrong and what to do; the stack trace is for debugging only.
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

async function exportReport(options: ExportCliOptions, appUrl: string): Promise<void> {
  const config = databaseConfig();
  // Opening would silently create an empty SQLite file; a typo in CLAIMDESK_DB deserves a clear error.
  if (config.dialect === 'sqlite' && config.file !== ':memory:' && !existsSync(config.file)) {
    throw new Error(`No database at ${config.file}. Set CLAIMDESK_DB to your database file, or run "npm run seed" to create the demo one.`);
  }
  // An unreachable PostgreSQL fails here with a message that names where it is (never the password).
  const db = await openMigratedDb(config);
  try {
    const article = await findArticleForExport(db, options.article);
    const internal = await buildReportViewModel(db, article.id, { appUrl });
    // The same rules as the app's export: ClaimReview follows publication; w3c and claimreview are publication formats.
    const refusal = options.format === 'claimreview' ? claimReviewRefusal(internal.article.status, { draft: options.draft, draftOption: '--draft' }) : null;
    if (refusal) throw new Error(refusal);
    const vm = isPublicationFormat(options.format) ? toPublicationAudience(internal) : internal;
    const report = await renderReport(vm, options.format, { claimReview: { draft: internal.article.status !== 'published' } });
    if (options.out === null) {
      await writeToStdout(report.body);
      return;
    }
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
    await writeFile(file, report.body);
    process.stderr.write(`Wrote ${file} (${byteLength(report.body)} bytes)\n`);
  } finally {
    await closeDb(db);
  }
}

function writeToStdout(body: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that stops early (`| head`) closes the pipe: that is not a failure of the export.
    const onError = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error));
    process.stdout.once('error', onError);
    process.stdout.write(body, (error) => {
      if (error) return onError(error);
      process.stdout.off('error', onError);
      resolve();
    });
  });
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
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
