/**
 * Command-line arguments of `npm run import` (scripts/import.ts), parsed and validated without
 * touching the file system, the network or the database, so every usage error is unit-testable.
 */
import { parseArgs } from 'node:util';
import { isRealIsoDate } from '../validations/common';

export const IMPORT_USAGE = `Usage: npm run import -- --workspace <slug> [options] <file or URL>

Imports an article into a workspace of the database in CLAIMDESK_DB (or DATABASE_URL), through the
same importers as the app's "New article" form: .txt, .md/.markdown, .html/.htm and .docx files, or
a web page (http/https URL; its main text and metadata are extracted). Prints the new article's id
and slug, separated by a tab.

Options:
  -w, --workspace <slug>     The workspace to import into (required)
  -t, --title <title>        The title (default: what the file or page says, else the file name)
      --outlet <name>        The outlet (default: what the page says)
      --byline <name>        The author (default: what the file or page says)
      --language <code>      A language code like en or fa (default: what the page says, else en)
      --published-on <date>  The publication date, YYYY-MM-DD (default: what the page says)
      --source-credit <text> A credit line for where the text came from
  -h, --help                 Show this help

Environment:
  CLAIMDESK_DB   SQLite database (default ./data/claimdesk.db)
  DATABASE_URL   PostgreSQL database (postgres://…), used instead of CLAIMDESK_DB when set`;

/** Wrong arguments: the CLI prints the message with a hint to --help and exits with code 2. */
export class ImportCliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportCliUsageError';
  }
}

export type ImportSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export interface ImportCliOptions {
  workspace: string;
  source: ImportSource;
  /** Metadata given on the command line (absent: taken from the input). */
  title?: string;
  outlet?: string;
  byline?: string;
  language?: string;
  publishedOn?: string;
  sourceCredit?: string;
}

export type ImportCliCommand = { kind: 'help' } | { kind: 'import'; options: ImportCliOptions };

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  title: { type: 'string', short: 't' },
  outlet: { type: 'string' },
  byline: { type: 'string' },
  language: { type: 'string' },
  'published-on': { type: 'string' },
  'source-credit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** An http(s) URL, a URL of another scheme (refused), or a file path. */
export function importSourceOf(arg: string): ImportSource {
  const value = arg.trim();
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ImportCliUsageError(`"${value}" is not a valid web address.`);
    }
    if (!url.hostname) throw new ImportCliUsageError(`"${value}" is not a valid web address.`);
    return { kind: 'url', url: url.toString() };
  }
  // "ftp://…", "file:…", "javascript:…": a scheme, not a file name (a Windows drive letter "C:\" is a path).
  if (/^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) throw new ImportCliUsageError(`Only http:// and https:// addresses can be imported, not "${value}".`);
  return { kind: 'file', path: value };
}

/** `argv` without the node and script paths (process.argv.slice(2)). */
export function parseImportCliArgs(argv: readonly string[]): ImportCliCommand {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new ImportCliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };

  const text = (name: keyof typeof OPTIONS): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const workspace = text('workspace') ?? '';
  if (workspace === '') throw new ImportCliUsageError('Missing --workspace: give the slug of the workspace to import into.');
  if (positionals.length === 0 || positionals[0]!.trim() === '') throw new ImportCliUsageError('Missing the file or URL to import.');
  if (positionals.length > 1) throw new ImportCliUsageError(`One file or URL at a time (got ${positionals.length}: ${positionals.join(', ')}).`);
  const source = importSourceOf(positionals[0]!);

  const options: ImportCliOptions = { workspace, source };
  const title = text('title');
  if (title !== undefined) {
    if (title === '') throw new ImportCliUsageError('--title needs a title.');
    if (title.length > 300) throw new ImportCliUsageError('--title is too long (300 characters at most).');
    options.title = title;
  }
  const language = text('language');
  if (language !== undefined) {
    if (!LANGUAGE.test(language)) throw new ImportCliUsageError(`--language: use a language code like en or fa, not "${language}".`);
    options.language = language;
  }
  const publishedOn = text('published-on');
  if (publishedOn !== undefined) {
    if (!isRealIsoDate(publishedOn)) throw new ImportCliUsageError(`--published-on: use a date like 2017-11-21, not "${publishedOn}".`);
    options.publishedOn = publishedOn;
  }
  for (const [flag, key, max] of [
    ['outlet', 'outlet', 200],
    ['byline', 'byline', 200],
    ['source-credit', 'sourceCredit', 300],
  ] as const) {
    const value = text(flag);
    if (value === undefined) continue;
    if (value.length > max) throw new ImportCliUsageError(`--${flag} is too long (${max} characters at most).`);
    options[key] = value;
  }
  return { kind: 'import', options };
}
