/**
 * Command-line arguments of `npm run export` (scripts/export.ts), parsed and validated without
 * touching the file system or the database so every usage error is unit-testable.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../errors';
import { EXPORT_FORMATS, parseExportFormat, type ExportFormat } from './index';

export const DEFAULT_APP_URL = 'http://localhost:3000';

export const EXPORT_USAGE = `Usage: npm run export -- --article <id or slug> --format <format> [--out FILE] [--draft]

Exports a fact-check report of one article from the database in CLAIMDESK_DB.
html, pdf, md, csv and json are the desk's internal reports (internal sources marked as such);
w3c and claimreview are for publication (public sources only, no excluded claims).

Options:
  -a, --article <id or slug>  The article (a slug used in several workspaces needs the id)
  -f, --format <format>       One of: ${EXPORT_FORMATS.join(', ')}
  -o, --out <file>            Write to this file instead of standard output
      --draft                 claimreview of an article that is not published: mark it as a draft
                              (creativeWorkStatus "Draft", no datePublished) instead of refusing
  -h, --help                  Show this help

Environment:
  CLAIMDESK_DB         SQLite database (default ./data/claimdesk.db)
  CLAIMDESK_APP_URL    Base URL used for links in the report (default ${DEFAULT_APP_URL})
  CLAIMDESK_CHROMIUM   Chromium used for PDF (default /usr/bin/chromium)`;

/** Wrong arguments: the CLI prints the message with a hint to --help and exits with code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface ExportCliOptions {
  article: string;
  format: ExportFormat;
  /** Output file as given (relative paths are resolved by the caller), or null for standard output. */
  out: string | null;
  /** Allow a draft ClaimReview of an article that is not published. */
  draft: boolean;
}

export type ExportCliCommand = { kind: 'help' } | { kind: 'export'; options: ExportCliOptions };

const OPTIONS = {
  article: { type: 'string', short: 'a' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  draft: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `argv` without the node and script paths (process.argv.slice(2)). */
export function parseExportCliArgs(argv: readonly string[]): ExportCliCommand {
  let values: { article?: string; format?: string; out?: string; draft?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    // node:util's messages are already specific ("Unknown option '--x'"); only the type changes.
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };

  const article = values.article?.trim() ?? '';
  if (article === '') throw new CliUsageError('Missing --article: give the id or the slug of the article to export.');
  if (values.format === undefined) throw new CliUsageError(`Missing --format. Valid formats: ${EXPORT_FORMATS.join(', ')}.`);
  let format: ExportFormat;
  try {
    format = parseExportFormat(values.format);
  } catch (error) {
    if (error instanceof AppError) throw new CliUsageError(error.message);
    throw error;
  }
  const out = values.out?.trim() ?? null;
  if (out === '') throw new CliUsageError('--out needs a file name.');
  const draft = values.draft === true;
  if (draft && format !== 'claimreview') throw new CliUsageError('--draft only applies to --format claimreview.');
  return { kind: 'export', options: { article, format, out, draft } };
}

const appUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/** Base URL for links in the report: CLAIMDESK_APP_URL when set, else the local dev server. */
export function resolveAppUrl(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env.CLAIMDESK_APP_URL?.trim();
  if (!raw) return DEFAULT_APP_URL;
  const parsed = appUrlSchema.safeParse(raw);
  if (!parsed.success) throw new CliUsageError(`CLAIMDESK_APP_URL ${parsed.error.issues[0]?.message ?? 'is invalid'}: "${raw}".`);
  return parsed.data.replace(/\/+$/, '');
}
