import { sql, type SQL } from 'drizzle-orm';

/**
 * The search box's little language, parsed into a safe structure and rendered for each engine.
 *
 *   word            every word must appear (AND is implicit)
 *   "a phrase"      these words in this order
 *   infla*          a prefix
 *   -word -"a b"    must not appear
 *   a OR b          either (OR in capitals, between two terms)
 *
 * Everything else (unbalanced quotes, parentheses, colons, carets, NEAR/AND/NOT, FTS5 column
 * filters, a query of only exclusions, kilobytes of text) is not an error: it is dropped and the
 * `notice` says what was ignored. No user text ever reaches an engine as syntax: FTS5 gets every
 * term as a quoted string, PostgreSQL gets plainto/phraseto pieces or lexemes of letters and digits.
 */

/** Shortest word a `*` prefix search accepts (shorter ones are searched as words). */
export const MIN_PREFIX_CHARS = 2;

export interface QueryTerm {
  /** The term's text as typed (without quotes, `-` or `*`); at least one letter or digit. */
  text: string;
  /** Typed in double quotes: the words in this order. */
  phrase: boolean;
  /** Ends in `*`: the last word is a prefix. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** AND of clauses; each clause is an OR of terms (one term unless `OR` was typed). */
  clauses: QueryTerm[][];
  /** Terms that must not appear. */
  exclusions: QueryTerm[];
  /** The query as it will run, in the same syntax (what the page shows after sanitising). */
  text: string;
  /** What was ignored or changed, in words; absent when the query ran as typed. */
  notice?: string;
  /** Nothing to look for (empty, or only exclusions): the search returns no results. */
  empty: boolean;
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_TERMS = 32;
/** The trigram index finds substrings of at least this many characters. */
export const TRIGRAM_MIN_LENGTH = 3;

/** Letters, digits and combining marks (Persian/Arabic vowel signs, ZWNJ joins words). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** Characters that are syntax in FTS5 or tsquery and mean nothing in a word: dropped with a notice. */
const SYNTAX_CHARS = /[()^:{}[\]+*|&!<>~\\]/gu;
const OPERATOR_WORDS = new Set(['AND', 'NOT', 'NEAR']);
// Control characters and the private sentinels snippets use (char(2), char(3)) are never search text.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

interface RawToken {
  kind: 'term' | 'or';
  term?: QueryTerm;
  negated?: boolean;
}

export function parseSearchQuery(input: unknown): ParsedQuery {
  const notices = new Set<string>();
  let text = typeof input === 'string' ? input : '';
  text = text.normalize('NFC').replace(CONTROL_CHARS, ' ');
  if (text.length > MAX_QUERY_LENGTH) {
    notices.add(`Only the first ${MAX_QUERY_LENGTH} characters were searched`);
    text = text.slice(0, MAX_QUERY_LENGTH);
  }

  const tokens: RawToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i += 1;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) {
        notices.add('Unbalanced quote ignored');
        i += 1;
        continue;
      }
      const inner = text.slice(i + 1, close);
      i = close + 1;
      let prefix = false;
      if (text[i] === '*') {
        prefix = true;
        i += 1;
      }
      const cleaned = stripSyntax(inner, notices);
      if (!hasWordChar(cleaned)) {
        if (inner.trim()) notices.add('A quoted phrase without words was ignored');
        continue;
      }
      const words = cleaned.match(WORD_RUN)!;
      tokens.push({ kind: 'term', negated, term: { text: collapse(cleaned), phrase: words.length > 1, prefix } });
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end += 1;
    const raw = text.slice(i, end);
    i = end;
    if (!negated && raw === 'OR') {
      tokens.push({ kind: 'or' });
      continue;
    }
    let word = raw;
    if (OPERATOR_WORDS.has(word) || /^NEAR\(/.test(word)) {
      notices.add(`"${word.replace(/\(.*$/, '')}" is not an operator here and was ignored`);
      if (!word.startsWith('NEAR(')) continue;
      word = word.slice('NEAR'.length);
    }
    const prefix = /[\p{L}\p{N}\p{M}]\*+$/u.test(word);
    const body = prefix ? word.replace(/\*+$/, '') : word;
    const cleaned = stripSyntax(body, notices);
    if (!hasWordChar(cleaned)) {
      if (raw === '-') notices.add('A lone "-" was ignored');
      else if (word.trim() && !/^[()^:{}[\]+*|&!<>~\\]+$/u.test(word)) notices.add(`"${truncate(raw)}" has no letters or digits and was ignored`);
      else if (word === '*') notices.add(`"*" has no letters or digits and was ignored`);
      continue;
    }
    // What the stripped syntax separated (`body:inflation`, `inflation^2`) are separate words; a `*` belongs to the last.
    const pieces = collapse(cleaned).split(' ').filter(hasWordChar);
    pieces.forEach((piece, index) => {
      let isPrefix = prefix && index === pieces.length - 1;
      // `a*` would enumerate every word starting with "a" on every search: a prefix needs two characters.
      if (isPrefix && [...piece].length < MIN_PREFIX_CHARS) {
        notices.add(`"${truncate(raw)}" is too short for a prefix search and was searched as a word`);
        isPrefix = false;
      }
      tokens.push({ kind: 'term', negated, term: { text: piece, phrase: false, prefix: isPrefix } });
    });
  }

  // Terms into clauses: OR joins the positive terms on either side; anywhere else it is ignored.
  const clauses: QueryTerm[][] = [];
  const exclusions: QueryTerm[] = [];
  let pendingOr = false;
  let count = 0;
  let capped = false;
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t]!;
    if (token.kind === 'or') {
      const prev = tokens[t - 1];
      const next = tokens[t + 1];
      if (prev?.kind === 'term' && !prev.negated && next?.kind === 'term' && !next.negated && clauses.length > 0) pendingOr = true;
      else notices.add('"OR" needs a term on each side and was ignored');
      continue;
    }
    if (count >= MAX_QUERY_TERMS) {
      capped = true;
      continue;
    }
    count += 1;
    const term = token.term!;
    if (token.negated) {
      if (!exclusions.some((e) => sameTerm(e, term))) exclusions.push(term);
    } else if (pendingOr) {
      const clause = clauses[clauses.length - 1]!;
      if (!clause.some((e) => sameTerm(e, term))) clause.push(term);
    } else if (!clauses.some((c) => c.length === 1 && sameTerm(c[0]!, term))) clauses.push([term]);
    pendingOr = false;
  }
  if (capped) notices.add(`Only the first ${MAX_QUERY_TERMS} terms were searched`);
  const empty = clauses.length === 0;
  if (empty && exclusions.length > 0) notices.add('A search needs at least one word to look for; exclusions alone match nothing');

  return {
    clauses,
    exclusions,
    text: renderQuery(clauses, exclusions),
    ...(notices.size > 0 ? { notice: [...notices].join('. ') + '.' } : {}),
    empty,
  };
}

function stripSyntax(value: string, notices: Set<string>): string {
  const found = value.match(SYNTAX_CHARS);
  if (!found) return value;
  notices.add(`Ignored ${[...new Set(found)].map((c) => `"${c}"`).join(' ')}`);
  return value.replace(SYNTAX_CHARS, ' ');
}

function hasWordChar(value: string): boolean {
  return WORD_CHAR.test(value);
}

function collapse(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

function truncate(value: string): string {
  return value.length > 20 ? `${value.slice(0, 20)}…` : value;
}

function sameTerm(a: QueryTerm, b: QueryTerm): boolean {
  return a.text.toLowerCase() === b.text.toLowerCase() && a.phrase === b.phrase && a.prefix === b.prefix;
}

function renderTerm(term: QueryTerm): string {
  const needsQuotes = term.phrase || /\s/u.test(term.text) || term.text === 'OR';
  return `${needsQuotes ? `"${term.text}"` : term.text}${term.prefix ? '*' : ''}`;
}

function renderQuery(clauses: QueryTerm[][], exclusions: QueryTerm[]): string {
  return [...clauses.map((c) => c.map(renderTerm).join(' OR ')), ...exclusions.map((e) => `-${renderTerm(e)}`)].join(' ');
}

/** The words of a term as the engines tokenise them (letters, digits and marks; lower-cased). */
export function termWords(term: QueryTerm): string[] {
  return (term.text.toLowerCase().match(WORD_RUN) ?? []).filter(Boolean);
}

/** Every positive term, for highlighting and the trigram branch. */
export function positiveTerms(parsed: ParsedQuery): QueryTerm[] {
  return parsed.clauses.flat();
}

// --- SQLite FTS5 ---------------------------------------------------------------------------

function fts5String(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function fts5Term(term: QueryTerm): string {
  return `${fts5String(term.text)}${term.prefix ? ' *' : ''}`;
}

/**
 * An FTS5 MATCH expression for the word index (search_fts), or null when there is nothing to
 * look for. Every term is a quoted FTS5 string, so no typed character is FTS5 syntax.
 */
export function toFts5Match(parsed: ParsedQuery): string | null {
  if (parsed.empty) return null;
  const positive = parsed.clauses.map((c) => (c.length === 1 ? fts5Term(c[0]!) : `(${c.map(fts5Term).join(' OR ')})`)).join(' AND ');
  if (parsed.exclusions.length === 0) return positive;
  return `(${positive}) NOT (${parsed.exclusions.map(fts5Term).join(' OR ')})`;
}

/**
 * An FTS5 MATCH expression for the trigram index (search_trigram): every term as a substring.
 * Terms shorter than three characters cannot be looked up by trigrams and are left out; null when
 * no positive clause is left, or an exclusion is too short to be honoured (the word index alone then answers).
 */
export function toTrigramMatch(parsed: ParsedQuery): string | null {
  if (parsed.empty) return null;
  const clauses = trigramClauses(parsed);
  if (!clauses) return null;
  const positive = clauses.map((c) => (c.length === 1 ? fts5String(c[0]!) : `(${c.map(fts5String).join(' OR ')})`)).join(' AND ');
  const exclusions = parsed.exclusions.map((e) => e.text);
  if (exclusions.length === 0) return positive;
  return `(${positive}) NOT (${exclusions.map(fts5String).join(' OR ')})`;
}

/**
 * The substrings the trigram branch looks for: per clause, the texts of its terms (a clause with a
 * term shorter than three characters is dropped: it could match nothing). Null when nothing is left
 * or an exclusion is shorter than three characters.
 */
export function trigramClauses(parsed: ParsedQuery): string[][] | null {
  if (parsed.empty) return null;
  if (parsed.exclusions.some((e) => [...e.text].length < TRIGRAM_MIN_LENGTH)) return null;
  const clauses = parsed.clauses.filter((c) => c.every((t) => [...t.text].length >= TRIGRAM_MIN_LENGTH)).map((c) => c.map((t) => t.text));
  return clauses.length > 0 ? clauses : null;
}

// --- PostgreSQL tsquery ---------------------------------------------------------------------

function tsTerm(term: QueryTerm): SQL | null {
  if (term.prefix) {
    const words = termWords(term);
    if (words.length === 0) return null;
    // Lexemes of letters, digits and marks only: nothing in them is tsquery syntax.
    const expr = words.map((w, index) => `'${w}'${index === words.length - 1 ? ':*' : ''}`).join(' <-> ');
    return sql`to_tsquery('simple', ${expr})`;
  }
  return sql`phraseto_tsquery('simple', ${term.text})`;
}

function joinTs(parts: SQL[], op: '&&' | '||'): SQL {
  return sql.join(parts, op === '&&' ? sql` && ` : sql` || `);
}

/**
 * A tsquery expression (drizzle SQL) for `search_docs.tsv @@ …`, or null when there is nothing to
 * look for. Built from phraseto_tsquery/to_tsquery pieces with the text as bound parameters, so
 * the tokens are the ones to_tsvector('simple', body) produced.
 */
export function toTsQuery(parsed: ParsedQuery): SQL | null {
  if (parsed.empty) return null;
  const clauses = parsed.clauses
    .map((c) => c.map(tsTerm).filter((t): t is SQL => t !== null))
    .filter((c) => c.length > 0)
    .map((c) => (c.length === 1 ? c[0]! : sql`(${joinTs(c, '||')})`));
  if (clauses.length === 0) return null;
  const positive = clauses.length === 1 ? clauses[0]! : sql`(${joinTs(clauses, '&&')})`;
  const exclusions = parsed.exclusions.map(tsTerm).filter((t): t is SQL => t !== null);
  if (exclusions.length === 0) return positive;
  return sql`(${positive} && !!(${joinTs(exclusions, '||')}))`;
}
