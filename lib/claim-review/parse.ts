/**
 * Other fact-checkers' ClaimReviews → claim library items (pure; importable anywhere).
 *
 * Accepts the shapes fact-checkers and Google publish:
 * - one schema.org ClaimReview object, an array of them, or a JSON-LD document with `@graph`;
 * - a schema.org DataFeed whose `dataFeedElement`s are ClaimReviews or wrap one in `item`;
 * - an ItemList whose `itemListElement`s are ClaimReviews or ListItems with `item`;
 * - a Fact Check Tools API `claims:search` response (`{ claims: [{ text, claimant, claimDate,
 *   claimReview: [{ publisher: { name, site }, url, title, reviewDate, textualRating, languageCode }] }] }`)
 *   and a `pages` listing (`{ claimReviewMarkupPages: [{ pageUrl, claimReviewAuthor, claimReviewMarkups }] }`).
 *
 * Nodes of other types (WebPage, Organization in a @graph) are skipped. Every ClaimReview found is
 * validated on its own: one with an error (no http(s) `url`, no `claimReviewed`) is reported with its
 * position and left out of `items`; small defects (an unreadable date, a rating that is not a number)
 * drop that field with a warning. Strings are kept as plain text (HTML is never interpreted), trimmed,
 * stripped of control characters and capped. Keys are only ever read as own properties, so
 * `__proto__` or `constructor` in the input are inert.
 */
import { z } from 'zod';

export interface ParsedLibraryItem {
  url: string;
  claimReviewed: string;
  claimant: string;
  claimDate: string | null;
  claimAppearance: string | null;
  reviewOrg: string;
  reviewOrgUrl: string | null;
  ratingName: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  reviewDate: string | null;
  language: string | null;
}

export interface ParseIssue {
  /** Position of the ClaimReview among those found (0-based); -1 for the input as a whole. */
  index: number;
  /** Field within the ClaimReview ("url", "reviewRating.ratingValue"); '' for the whole item. */
  path: string;
  message: string;
}

export interface ParseResult {
  /** The valid ClaimReviews, in input order (a URL given twice: the later one). */
  items: ParsedLibraryItem[];
  /** For each of `items`, its position among the ClaimReviews found (what `errors` and `warnings` count by). */
  itemIndexes: number[];
  /** ClaimReviews left out, and why. */
  errors: ParseIssue[];
  /** Fields dropped or shortened; the item is still imported. */
  warnings: ParseIssue[];
  /** How many ClaimReviews the input holds (valid or not). */
  found: number;
  /** Set when the input as a whole cannot be used (invalid JSON, too large, no ClaimReview at all). */
  fatal: string | null;
}

/** The largest ClaimReview file or pasted block accepted. */
export const MAX_CLAIM_REVIEW_BYTES = 2 * 1024 * 1024;
/** At most this many ClaimReviews in one import. */
export const MAX_CLAIM_REVIEWS = 2000;
/** Nesting followed when looking for ClaimReviews (@graph → DataFeed → item …). */
const MAX_WALK_DEPTH = 12;
/** Objects looked at in one input (a hostile file cannot keep the walk busy). */
const MAX_WALK_NODES = 200_000;

export const LIBRARY_LIMITS = {
  url: 2048,
  claimReviewed: 2000,
  claimant: 300,
  reviewOrg: 300,
  ratingName: 200,
  language: 35,
} as const;

// ---------------------------------------------------------------------------------------------
// Reading JSON text

/**
 * Parses pasted or uploaded JSON text. Too large → a message before parsing; invalid JSON → a
 * message with the line and column of the error.
 */
export function parseClaimReviewText(text: string): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_CLAIM_REVIEW_BYTES) return fatalResult(claimReviewTooLargeMessage(bytes));
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fatalResult('Paste ClaimReview JSON-LD or choose a .json/.jsonld file: nothing was given.');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    return fatalResult(`This is not valid JSON${jsonErrorPosition(trimmed, error)}. Check the pasted block or file (ClaimReview JSON-LD is JSON).`);
  }
  return parseClaimReviews(json);
}

/** Why text of this many bytes is refused (also the 413's message, before an upload is read). */
export function claimReviewTooLargeMessage(bytes: number | null): string {
  const limit = formatMegabytes(MAX_CLAIM_REVIEW_BYTES);
  if (bytes === null) return `The file is larger than ${limit}, the most one ClaimReview import accepts. Split it into smaller files.`;
  return `The ClaimReview JSON is ${formatMegabytes(bytes)}; at most ${limit} can be imported at once. Split it into smaller files.`;
}

function utf8Length(text: string): number {
  // Fast path: a string can never be more than 3 bytes per UTF-16 unit.
  if (text.length * 3 <= MAX_CLAIM_REVIEW_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** " (line L, column C)" of the first error (V8's message when it has one, else our own scan). */
function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` (line ${lineColumn[1]}, column ${lineColumn[2]})`;
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : firstJsonErrorOffset(text);
  if (offset === null) return '';
  if (offset >= text.length) return ' (it ends too early)';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

/**
 * Where JSON text first goes wrong (an offset; text.length when it ends too early), or null when
 * it is valid. Iterative: any nesting depth. Only run after JSON.parse failed, for the message.
 */
export function firstJsonErrorOffset(text: string): number | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i += 1;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i += 1;
        return true;
      }
      if (c < ' ') return false;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i += 1;
    }
    return false;
  };
  const scalar = (): boolean => {
    const rest = text.slice(i, i + 400);
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(rest);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // value → then after it: ',' or a closing bracket, per the stack.
  for (;;) {
    ws();
    // A value is expected here.
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i += 1;
      ws();
      if (c === '{') {
        if (text[i] === '}') {
          stack.pop();
          i += 1;
        } else {
          if (!string()) return i;
          ws();
          if (text[i] !== ':') return i;
          i += 1;
          continue;
        }
      } else if (text[i] === ']') {
        stack.pop();
        i += 1;
      } else continue;
    } else if (c === '"') {
      if (!string()) return i;
    } else if (!scalar()) return i;
    // After a value: close brackets or a comma.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : null;
      const d = text[i];
      if (d === ',') {
        i += 1;
        if (top === '{') {
          ws();
          if (!string()) return i;
          ws();
          if (text[i] !== ':') return i;
          i += 1;
        }
        break;
      }
      if ((top === '{' && d === '}') || (top === '[' && d === ']')) {
        stack.pop();
        i += 1;
        continue;
      }
      return i;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Finding ClaimReviews

type Obj = Record<string, unknown>;

interface Candidate {
  /** Raw fields, read from a ClaimReview node or mapped from a Fact Check Tools record. */
  node: Obj;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: `constructor`, `__proto__` and the like are never read from the prototype. */
function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function typesOf(node: Obj): string[] {
  const type = own(node, '@type') ?? own(node, 'type');
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

function isClaimReviewNode(node: Obj): boolean {
  const types = typesOf(node);
  if (types.includes('ClaimReview')) return true;
  // Untyped objects that carry the ClaimReview's own field (hand-written exports).
  return types.length === 0 && own(node, 'claimReviewed') !== undefined;
}

class WalkBudget {
  nodes = 0;
  exhausted = false;
  spend(): boolean {
    this.nodes += 1;
    if (this.nodes > MAX_WALK_NODES) this.exhausted = true;
    return !this.exhausted;
  }
}

function collect(value: unknown, out: Candidate[], depth: number, budget: WalkBudget): void {
  if (depth > MAX_WALK_DEPTH || out.length > MAX_CLAIM_REVIEWS || !budget.spend()) return;
  if (Array.isArray(value)) {
    for (const element of value) {
      collect(element, out, depth + 1, budget);
      if (budget.exhausted || out.length > MAX_CLAIM_REVIEWS) return;
    }
    return;
  }
  if (!isObj(value)) return;
  if (isClaimReviewNode(value)) {
    out.push({ node: value });
    return;
  }
  const claims = own(value, 'claims');
  if (Array.isArray(claims)) {
    for (const claim of claims) if (isObj(claim)) collectFactCheckToolsClaim(claim, out);
  }
  const pages = own(value, 'claimReviewMarkupPages');
  if (Array.isArray(pages)) {
    for (const page of pages) if (isObj(page)) collectMarkupPage(page, out);
  }
  const single = own(value, 'claimReviewMarkupPage');
  if (isObj(single)) collectMarkupPage(single, out);
  for (const key of ['@graph', 'dataFeedElement', 'itemListElement', 'item', 'mainEntity', 'hasPart'] as const) {
    const child = own(value, key);
    if (child !== undefined) collect(child, out, depth + 1, budget);
  }
}

/** A Fact Check Tools `claims:search` claim: one library item per review. */
function collectFactCheckToolsClaim(claim: Obj, out: Candidate[]): void {
  const reviews = own(claim, 'claimReview');
  if (!Array.isArray(reviews)) return;
  for (const review of reviews) {
    if (!isObj(review)) continue;
    const publisher = own(review, 'publisher');
    const site = isObj(publisher) ? own(publisher, 'site') : undefined;
    out.push({
      node: {
        url: own(review, 'url'),
        claimReviewed: own(claim, 'text'),
        itemReviewed: { author: own(claim, 'claimant'), datePublished: own(claim, 'claimDate') },
        author: { name: isObj(publisher) ? own(publisher, 'name') : undefined, url: typeof site === 'string' && site.trim() && !/^[a-z]+:/i.test(site.trim()) ? `https://${site.trim()}` : site },
        reviewRating: { alternateName: own(review, 'textualRating') },
        datePublished: own(review, 'reviewDate'),
        inLanguage: own(review, 'languageCode'),
      },
    });
  }
}

/** A Fact Check Tools `pages` ClaimReviewMarkupPage: one library item per markup. */
function collectMarkupPage(page: Obj, out: Candidate[]): void {
  const markups = own(page, 'claimReviewMarkups');
  if (!Array.isArray(markups)) return;
  const author = own(page, 'claimReviewAuthor');
  for (const markup of markups) {
    if (!isObj(markup)) continue;
    const rating = own(markup, 'rating');
    const claimAuthor = own(markup, 'claimAuthor');
    out.push({
      node: {
        url: own(markup, 'url') ?? own(page, 'pageUrl'),
        claimReviewed: own(markup, 'claimReviewed'),
        itemReviewed: {
          author: isObj(claimAuthor) ? own(claimAuthor, 'name') : undefined,
          datePublished: own(markup, 'claimDate'),
          firstAppearance: own(markup, 'claimFirstAppearance'),
          appearance: own(markup, 'claimAppearances'),
        },
        author: isObj(author) ? { name: own(author, 'name') } : undefined,
        reviewRating: isObj(rating)
          ? { alternateName: own(rating, 'textualRating'), ratingValue: own(rating, 'ratingValue'), bestRating: own(rating, 'bestRating'), worstRating: own(rating, 'worstRating') }
          : undefined,
        datePublished: own(page, 'publishDate'),
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading one ClaimReview

/** Plain text: control characters become spaces, runs of whitespace one space, trimmed. */
export function cleanText(value: string): string {
  // Lone surrogates (not text in any encoding) become U+FFFD, as String.prototype.toWellFormed does.
  const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A text value: a string, a number, a JSON-LD value object, or the first of a list. */
function textOf(value: unknown, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const text = textOf(v, depth + 1);
      if (text !== undefined && text.trim() !== '') return text;
    }
    return undefined;
  }
  if (isObj(value)) return textOf(own(value, '@value'), depth + 1);
  return undefined;
}

/** The name(s) of a Person/Organization value: a string, an object with `name`, or a list of them. */
function namesOf(value: unknown, depth = 0): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v, depth + 1));
  if (isObj(value)) {
    const name = textOf(own(value, 'name')) ?? textOf(own(value, 'alternateName'));
    return name === undefined ? [] : [name];
  }
  return [];
}

/** The first object of a value that may be one object or a list. */
function firstObj(value: unknown): Obj | undefined {
  if (isObj(value)) return value;
  if (Array.isArray(value)) return value.find(isObj);
  return undefined;
}

/** A URL value: a string, or an object's `url` / `@id`, or the first of a list. */
function urlOf(value: unknown, depth = 0): unknown {
  if (depth > 3) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const url = urlOf(v, depth + 1);
      if (typeof url === 'string' && url.trim()) return url;
    }
    return undefined;
  }
  if (isObj(value)) return own(value, 'url') ?? own(value, '@id');
  return value;
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The review's URL as the library's identity: scheme and host lower-cased (URL does that), the
 * `#fragment` dropped — so re-importing the same review from another listing updates it instead of
 * adding a second copy. Path and query are kept as given (they can matter to the site).
 */
export function reviewIdentityUrl(value: string): string {
  const url = new URL(value);
  url.hash = '';
  return url.toString();
}

/** YYYY-MM-DD from an ISO date or date-time (or another date JavaScript reads), else null. */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
  }
  // Only forms with a year and a month name or number ("November 22, 2017", "22 Nov 2017").
  if (!/\b\d{4}\b/.test(text) || text.length > 40) return null;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  const year = date.getFullYear();
  if (year < 1000 || year > 9999) return null;
  return `${year}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A number, or a string holding one ("4", " 2.5 "). */
function numberOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The raw fields of a ClaimReview node, before validation. */
function rawFields(node: Obj) {
  const item = firstObj(own(node, 'itemReviewed'));
  const author = firstObj(own(node, 'author')) ?? firstObj(own(node, 'publisher'));
  const authorNames = namesOf(own(node, 'author') ?? own(node, 'publisher'));
  const rating = firstObj(own(node, 'reviewRating'));
  const language = own(node, 'inLanguage');
  return {
    url: own(node, 'url') ?? (typeof own(node, '@id') === 'string' && /^https?:/i.test(own(node, '@id') as string) ? own(node, '@id') : undefined),
    claimReviewed: own(node, 'claimReviewed'),
    claimant: item ? namesOf(own(item, 'author')) : [],
    claimDate: item ? own(item, 'datePublished') : undefined,
    claimAppearance: item ? urlOf(own(item, 'firstAppearance') ?? own(item, 'appearance')) : undefined,
    reviewOrg: authorNames,
    reviewOrgUrl: author ? urlOf(own(author, 'url') ?? own(author, 'sameAs')) : undefined,
    ratingName: rating ? (own(rating, 'alternateName') ?? own(rating, 'name')) : undefined,
    ratingValue: rating ? own(rating, 'ratingValue') : undefined,
    bestRating: rating ? own(rating, 'bestRating') : undefined,
    worstRating: rating ? own(rating, 'worstRating') : undefined,
    reviewDate: own(node, 'datePublished'),
    language: isObj(language) ? (own(language, 'alternateName') ?? own(language, 'name')) : language,
  };
}

type RawFields = ReturnType<typeof rawFields>;

/** The validated library item. Each field's message is what the person importing reads. */
const itemSchema = z.object({
  url: z
    .string({ error: 'The ClaimReview has no url (the address of the fact-check); it is required.' })
    .min(1, 'The ClaimReview has no url (the address of the fact-check); it is required.')
    .max(LIBRARY_LIMITS.url, `The url is longer than ${LIBRARY_LIMITS.url} characters.`)
    .refine(isHttpUrl, { message: 'The url must be a full web address starting with http:// or https://.' })
    .transform(reviewIdentityUrl),
  claimReviewed: z
    .string({ error: 'The ClaimReview has no claimReviewed (the claim it checks); it is required.' })
    .min(1, 'The ClaimReview has no claimReviewed (the claim it checks); it is required.'),
  claimant: z.string(),
  claimDate: z.string().nullable(),
  claimAppearance: z.string().nullable(),
  reviewOrg: z.string(),
  reviewOrgUrl: z.string().nullable(),
  ratingName: z.string(),
  ratingValue: z.number().nullable(),
  bestRating: z.number().nullable(),
  worstRating: z.number().nullable(),
  reviewDate: z.string().nullable(),
  language: z.string().nullable(),
}) satisfies z.ZodType<ParsedLibraryItem>;

interface ItemIssues {
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

/** Shortens to `max` characters (on a character boundary) with an ellipsis, warning when it does. */
function capped(text: string, max: number, index: number, path: string, issues: ItemIssues): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  issues.warnings.push({ index, path, message: `${path} was longer than ${max} characters and was shortened.` });
  return `${chars.slice(0, max - 1).join('')}…`;
}

function optionalText(value: unknown, max: number, index: number, path: string, issues: ItemIssues): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map((v) => textOf(v)).filter((v): v is string => v !== undefined).join(', ') : textOf(value);
  if (text === undefined) {
    issues.warnings.push({ index, path, message: `${path} is not text and was left out.` });
    return '';
  }
  return capped(cleanText(text), max, index, path, issues);
}

function optionalUrl(value: unknown, index: number, path: string, issues: ItemIssues): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text && text.length <= LIBRARY_LIMITS.url && isHttpUrl(text)) return text;
  issues.warnings.push({ index, path, message: `${path} is not a web address (http or https) and was left out.` });
  return null;
}

function optionalDate(value: unknown, index: number, path: string, issues: ItemIssues): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date = typeof value === 'string' ? normaliseDate(value) : null;
  if (date === null) issues.warnings.push({ index, path, message: `${path} is not a date we can read (use YYYY-MM-DD) and was left out.` });
  return date;
}

function optionalNumber(value: unknown, index: number, path: string, issues: ItemIssues): number | null {
  const n = numberOf(value);
  if (n === undefined) return null;
  if (n === null) issues.warnings.push({ index, path, message: `${path} is not a number and was left out.` });
  return n;
}

/** "Item 3 (“The claim…”)" — how messages name a ClaimReview. */
function itemLabel(index: number, raw: RawFields): string {
  const claim = typeof raw.claimReviewed === 'string' ? cleanText(raw.claimReviewed) : '';
  const short = claim.length > 60 ? `${claim.slice(0, 59)}…` : claim;
  return short ? `Item ${index + 1} (“${short}”)` : `Item ${index + 1}`;
}

function readItem(candidate: Candidate, index: number): { item: ParsedLibraryItem | null } & ItemIssues {
  const issues: ItemIssues = { errors: [], warnings: [] };
  const raw = rawFields(candidate.node);
  const url = typeof raw.url === 'string' ? raw.url.trim() : raw.url;
  const claimText = typeof raw.claimReviewed === 'string' ? cleanText(raw.claimReviewed) : raw.claimReviewed;
  const candidateItem = {
    url,
    claimReviewed: typeof claimText === 'string' ? capped(claimText, LIBRARY_LIMITS.claimReviewed, index, 'claimReviewed', issues) : claimText,
    claimant: capped(cleanText(raw.claimant.map(cleanText).filter(Boolean).join(', ')), LIBRARY_LIMITS.claimant, index, 'itemReviewed.author.name', issues),
    claimDate: optionalDate(raw.claimDate, index, 'itemReviewed.datePublished', issues),
    claimAppearance: optionalUrl(raw.claimAppearance, index, 'itemReviewed.appearance', issues),
    reviewOrg: capped(cleanText(raw.reviewOrg.map(cleanText).filter(Boolean).join(', ')), LIBRARY_LIMITS.reviewOrg, index, 'author.name', issues),
    reviewOrgUrl: optionalUrl(raw.reviewOrgUrl, index, 'author.url', issues),
    ratingName: optionalText(raw.ratingName, LIBRARY_LIMITS.ratingName, index, 'reviewRating.alternateName', issues),
    ratingValue: optionalNumber(raw.ratingValue, index, 'reviewRating.ratingValue', issues),
    bestRating: optionalNumber(raw.bestRating, index, 'reviewRating.bestRating', issues),
    worstRating: optionalNumber(raw.worstRating, index, 'reviewRating.worstRating', issues),
    reviewDate: optionalDate(raw.reviewDate, index, 'datePublished', issues),
    language: optionalText(raw.language, LIBRARY_LIMITS.language, index, 'inLanguage', issues) || null,
  };
  const parsed = itemSchema.safeParse(candidateItem);
  if (!parsed.success) {
    const label = itemLabel(index, raw);
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const shown = path === 'url' && typeof url === 'string' && url ? ` (“${url.length > 80 ? `${url.slice(0, 79)}…` : url}”)` : '';
      issues.errors.push({ index, path, message: `${label}: ${issue.message}${shown}` });
    }
    return { item: null, ...issues };
  }
  return { item: parsed.data, ...issues };
}

// ---------------------------------------------------------------------------------------------

function fatalResult(message: string): ParseResult {
  return { items: [], itemIndexes: [], errors: [{ index: -1, path: '', message }], warnings: [], found: 0, fatal: message };
}

/**
 * Every ClaimReview in `json` (any of the shapes above), validated. Never throws.
 */
export function parseClaimReviews(json: unknown): ParseResult {
  const candidates: Candidate[] = [];
  const budget = new WalkBudget();
  collect(json, candidates, 0, budget);
  if (candidates.length > MAX_CLAIM_REVIEWS) {
    return fatalResult(`The file holds more than ${MAX_CLAIM_REVIEWS} ClaimReviews; import at most ${MAX_CLAIM_REVIEWS} at once.`);
  }
  if (candidates.length === 0) {
    return fatalResult(
      budget.exhausted
        ? 'The JSON is too large or too deeply nested to look through; no ClaimReview was read.'
        : 'No ClaimReview found. Expected ClaimReview JSON-LD ("@type": "ClaimReview"), a list or DataFeed of them, or a Fact Check Tools API response.',
    );
  }
  const items: ParsedLibraryItem[] = [];
  const itemIndexes: number[] = [];
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];
  const byUrl = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const read = readItem(candidate, index);
    errors.push(...read.errors);
    warnings.push(...read.warnings);
    if (!read.item) return;
    const earlier = byUrl.get(read.item.url);
    if (earlier !== undefined) {
      warnings.push({ index, path: 'url', message: `Item ${index + 1} has the same url as an earlier item; the later one is kept.` });
      items[earlier] = read.item;
      itemIndexes[earlier] = index;
      return;
    }
    byUrl.set(read.item.url, items.length);
    items.push(read.item);
    itemIndexes.push(index);
  });
  return { items, itemIndexes, errors, warnings, found: candidates.length, fatal: null };
}
