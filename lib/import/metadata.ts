import type { ExtractedMetadata } from '@/lib/domain/imports';
import { safeHttpUrl } from '@/lib/export/escape';

/**
 * What a page says about itself, read from its DOM (never scripts run): JSON-LD NewsArticle/Article
 * (also inside @graph arrays), <meta> tags (Open Graph, article:*, name=author…), <link
 * rel=canonical>, <html lang>, and as a last resort what Readability found and the <title>.
 * Precedence: JSON-LD > meta > Readability > <title>. Every value is cleaned to what the article
 * form accepts (lengths, YYYY-MM-DD, a language code the app's validator passes, an http(s) URL).
 */

export const EMPTY_METADATA: ExtractedMetadata = { title: '', byline: '', outlet: '', publishedOn: null, language: null, canonicalUrl: null };

/** The article form's limits (lib/validations/articles.ts). */
const MAX_TITLE = 300;
const MAX_BYLINE = 200;
const MAX_OUTLET = 200;

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'ReviewNewsArticle', 'BackgroundNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report', 'ScholarlyArticle', 'SatiricalArticle']);

export interface ReadabilityHints {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

export type MetadataParts = { [K in keyof ExtractedMetadata]?: ExtractedMetadata[K] | null | undefined };

export function extractPageMetadata(document: Document, options: { url?: string; readability?: ReadabilityHints | null } = {}): ExtractedMetadata {
  return combineMetadata(headMetadata(document, options.url), options.readability);
}

/** What the page's markup says (read before Readability, which removes the JSON-LD scripts it reads). */
export interface HeadMetadata {
  jsonLd: MetadataParts;
  meta: MetadataParts;
  title: string;
}

export function headMetadata(document: Document, url?: string): HeadMetadata {
  const baseUrl = url ?? (/^https?:/.test(document.URL) ? document.URL : undefined);
  return { jsonLd: jsonLdMetadata(document, baseUrl), meta: metaTagMetadata(document, baseUrl), title: document.title };
}

/** JSON-LD > meta > Readability > <title>. */
export function combineMetadata(head: HeadMetadata, readability?: ReadabilityHints | null): ExtractedMetadata {
  return mergeMetadata([head.jsonLd, head.meta, readabilityMetadata(readability), { title: head.title }]);
}

/** The first non-empty value of each field, in the given order, cleaned. */
export function mergeMetadata(sources: readonly MetadataParts[]): ExtractedMetadata {
  const pick = <K extends keyof ExtractedMetadata>(key: K, clean: (value: unknown) => ExtractedMetadata[K] | null): ExtractedMetadata[K] | null => {
    for (const source of sources) {
      const value = clean(source[key]);
      if (value) return value;
    }
    return null;
  };
  return {
    title: pick('title', (v) => cleanLine(v, MAX_TITLE)) ?? '',
    byline: pick('byline', (v) => cleanByline(v)) ?? '',
    outlet: pick('outlet', (v) => cleanLine(v, MAX_OUTLET)) ?? '',
    publishedOn: pick('publishedOn', normaliseDate),
    language: pick('language', normaliseLanguage),
    canonicalUrl: pick('canonicalUrl', (v) => (typeof v === 'string' ? safeHttpUrl(v) : null)),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

export function jsonLdMetadata(document: Document, baseUrl?: string): MetadataParts {
  const article = findJsonLdArticle(document);
  if (!article) return {};
  return {
    title: text(article.headline) ?? text(article.name),
    byline: names(article.author ?? article.creator),
    outlet: names(article.publisher) ?? names(article.sourceOrganization),
    publishedOn: text(article.datePublished) ?? text(article.dateCreated),
    language: languageOf(article.inLanguage),
    canonicalUrl: absolute(text(article.url) ?? idOf(article.mainEntityOfPage), baseUrl),
  };
}

type Json = Record<string, unknown>;

function findJsonLdArticle(document: Document): Json | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block among several is common; the others still count
    }
    const found = flattenJsonLd(data).find((item) => typesOf(item).some((type) => ARTICLE_TYPES.has(type)));
    if (found) return found;
  }
  return null;
}

/** Every object of a JSON-LD value: top-level arrays and @graph lists, one level of nesting each. */
function flattenJsonLd(data: unknown, depth = 0): Json[] {
  if (depth > 4) return [];
  if (Array.isArray(data)) return data.flatMap((item) => flattenJsonLd(item, depth + 1));
  if (!isObject(data)) return [];
  const graph = data['@graph'];
  return [data, ...(graph ? flattenJsonLd(graph, depth + 1) : [])];
}

function typesOf(item: Json): string[] {
  const type = item['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value) && typeof value['@value'] === 'string') return value['@value'];
  return null;
}

/** A person/organisation as a string, an object with a name, or a list of those → "A, B". */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (typeof item === 'string' ? item : isObject(item) ? text(item.name) : null))
    .filter((name): name is string => !!name && name.trim() !== '' && !/^https?:\/\//i.test(name.trim()))
    .map((name) => name.trim());
  const unique = [...new Set(list)];
  return unique.length > 0 ? unique.join(', ') : null;
}

function languageOf(value: unknown): string | null {
  if (isObject(value)) return text(value.alternateName) ?? text(value.name);
  return text(value);
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value)) return text(value['@id']) ?? text(value.url);
  return null;
}

function absolute(value: string | null, baseUrl?: string): string | null {
  if (!value) return null;
  try {
    return new URL(value.trim(), baseUrl).href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// <meta>, <link>, <html lang>

export function metaTagMetadata(document: Document, baseUrl?: string): MetadataParts {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content') ?? '';
    if (key && content.trim() && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => keys.map((key) => metas.get(key)).find((value) => value !== undefined) ?? null;
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null;
  const authorMeta = [first('author'), first('article:author'), first('parsely-author'), first('sailthru.author'), first('dc.creator', 'dcterms.creator'), first('byl')].find((value) => value && !/^https?:\/\//i.test(value.trim())) ?? null;
  return {
    title: first('og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title', 'headline'),
    byline: authorMeta,
    outlet: first('og:site_name', 'application-name', 'publisher', 'dc.publisher'),
    publishedOn: first('article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'dcterms.created', 'dc.date.issued', 'og:published_time'),
    language: document.documentElement?.getAttribute('lang') ?? first('og:locale', 'content-language', 'dc.language', 'language'),
    canonicalUrl: absolute(canonical ?? first('og:url'), baseUrl),
  };
}

function readabilityMetadata(hints: ReadabilityHints | null | undefined): MetadataParts {
  if (!hints) return {};
  return { title: hints.title, byline: hints.byline, outlet: hints.siteName, publishedOn: hints.publishedTime, language: hints.lang };
}

// ---------------------------------------------------------------------------------------------
// Cleaning

function cleanLine(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const line = value.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (line === '') return null;
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
export function cleanByline(value: unknown): string | null {
  const line = cleanLine(value, 1000);
  if (!line) return null;
  const stripped = line.replace(/^(by|from|von|par|por)\s*:?\s+/i, '').trim();
  return cleanLine(stripped, MAX_BYLINE);
}

/** An ISO-like or other parseable date → YYYY-MM-DD (the date as written, not moved to UTC), or null. */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(trimmed);
  let year: number, month: number, day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    if (!/[a-z]{3}|\d{4}/i.test(trimmed)) return null;
    const time = Date.parse(trimmed);
    if (Number.isNaN(time)) return null;
    const date = new Date(time);
    [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null; // 2024-02-31
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A language tag or locale ("fa", "fa_IR", "EN-gb", "zh-hant-TW") → BCP 47 casing ("fa", "fa-IR",
 * "en-GB", "zh-Hant-TW") that passes the app's validator /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, or null.
 */
export function normaliseLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const parts = value.trim().replace(/_/g, '-').split('-');
  const primary = parts[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  const rest: string[] = [];
  for (const part of parts.slice(1)) {
    if (!/^[A-Za-z0-9]{2,8}$/.test(part)) break; // "x" singletons and junk end the useful part
    if (/^[A-Za-z]{4}$/.test(part)) rest.push(part[0]!.toUpperCase() + part.slice(1).toLowerCase());
    else if (/^[A-Za-z]{2}$/.test(part)) rest.push(part.toUpperCase());
    else rest.push(part.toLowerCase());
  }
  return [primary, ...rest].join('-');
}
