/**
 * Text direction, decided the way HTML's dir="auto" decides it: by the first character of strong
 * direction (bidi class L, R or AL). Digits, punctuation, spaces, symbols and combining marks are
 * neutral and skipped, so "2024: سال" is right-to-left and "«Hello»" left-to-right.
 *
 * Right-to-left letters are those of the scripts written right to left (Hebrew, Arabic with its
 * Persian/Urdu letters and presentation forms, Syriac, Thaana, NKo, Samaritan, Mandaic, Adlam,
 * Hanifi Rohingya and the historic ones), plus RLM and ALM; left-to-right ones are every other
 * letter (and LRM). Scripts are limited to Unicode 13 names, which every supported browser knows.
 */
export type TextDirection = 'rtl' | 'ltr';

const RTL_SCRIPTS = [
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Samaritan',
  'Mandaic',
  'Adlam',
  'Hanifi_Rohingya',
  'Yezidi',
  'Mende_Kikakui',
  'Imperial_Aramaic',
  'Phoenician',
  'Kharoshthi',
  'Old_South_Arabian',
  'Old_North_Arabian',
  'Avestan',
  'Inscriptional_Parthian',
  'Inscriptional_Pahlavi',
  'Psalter_Pahlavi',
  'Old_Turkic',
  'Old_Hungarian',
  'Old_Sogdian',
  'Sogdian',
  'Elymaic',
  'Chorasmian',
  'Hatran',
  'Nabataean',
  'Palmyrene',
  'Manichaean',
  'Lydian',
  'Cypriot',
  'Meroitic_Cursive',
  'Meroitic_Hieroglyphs',
] as const;

const RTL_SCRIPT_CLASS = RTL_SCRIPTS.map((script) => `\\p{Script=${script}}`).join('');
/** Letters (and letter-like numerals) are strong; an RTL script's digits (Arabic-Indic: AN) and marks are not. */
const STRONG = '\\p{L}\\p{Nl}';
/**
 * Group 1: a strong right-to-left character (RLM U+200F, ALM U+061C, or a letter of an RTL script);
 * group 2: any other strong character (LRM U+200E, a letter, a spacing mark).
 * The RTL alternative is tried first at each position, so an RTL letter is never taken as "a letter".
 */
const FIRST_STRONG = new RegExp(`((?=[${STRONG}])[${RTL_SCRIPT_CLASS}]|[\\u200F\\u061C])|([${STRONG}\\p{Mc}\\u200E])`, 'u');

/** Direction of the first strong character of `text`; null when there is none (or `text` is not a string). */
export function textDirection(text: unknown): TextDirection | null {
  if (typeof text !== 'string' || text === '') return null;
  const match = FIRST_STRONG.exec(text);
  if (!match) return null;
  return match[1] !== undefined ? 'rtl' : 'ltr';
}

/** textDirection(text), or `fallback` when the text has no strong character. */
export function textDirectionOr(text: unknown, fallback: TextDirection): TextDirection {
  return textDirection(text) ?? fallback;
}

/** Languages written right to left by default (BCP 47 primary subtags, including deprecated iw/ji). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar', 'arc', 'arz', 'apc', 'acm', 'ajp', 'ary', 'aeb', 'ckb', 'dv', 'fa', 'pes', 'prs', 'glk', 'he', 'iw', 'khw', 'ks',
  'lrc', 'mzn', 'nqo', 'ps', 'pnb', 'sd', 'skr', 'syr', 'ug', 'ur', 'yi', 'ji', 'bal', 'bqi', 'azb', 'haz', 'sam', 'mid',
]);

/** Script subtags written right to left (ISO 15924), which override the language's default. */
const RTL_SCRIPT_TAGS: ReadonlySet<string> = new Set([
  'arab', 'aran', 'hebr', 'syrc', 'syre', 'syrj', 'syrn', 'thaa', 'nkoo', 'samr', 'mand', 'adlm', 'rohg', 'yezi', 'mend',
  'armi', 'phnx', 'khar', 'sarb', 'narb', 'avst', 'prti', 'phli', 'phlp', 'orkh', 'hung', 'sogo', 'sogd', 'elym', 'chrs',
  'hatr', 'nbat', 'palm', 'mani', 'lydi', 'cprt', 'merc', 'mero',
]);

const LANGUAGE_TAG = /^([a-z]{2,3})(?:-[a-z]{3}){0,3}(?:-([a-z]{4}))?(?:-(?:[a-z]{2}|\d{3}))?(?:-[a-z\d]{1,8})*$/;

/**
 * Default direction of a BCP 47 language tag ("fa", "ar-EG", "az-Arab", "ku-Latn"), case-insensitive,
 * "_" taken as "-". A script subtag decides when present; else the language. null for a value that
 * is not a language tag.
 */
export function languageDirection(lang: unknown): TextDirection | null {
  if (typeof lang !== 'string' || lang.length > 64) return null;
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const match = LANGUAGE_TAG.exec(tag);
  if (!match) return null;
  const script = match[2];
  if (script !== undefined) return RTL_SCRIPT_TAGS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(match[1]!) ? 'rtl' : 'ltr';
}
