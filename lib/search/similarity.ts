/**
 * "Already checked?": how alike two claim statements are, explained in words. Pure and local (no
 * models): content words weighted by rarity, the figures the claims state, named entities and
 * character trigrams. Works on English and on Persian/Arabic text (no capitals there: rare words
 * carry the weight entities carry in English).
 *
 * The score is a weighted mean of the parts that apply, 0–1:
 * - words (0.45): idf-weighted overlap of content words (stop words removed, light English stemming),
 *   the mean of how much of each statement the shared words cover;
 * - trigrams (0.25): cosine of the character-trigram counts (catches spelling and inflection variants);
 * - entities (0.15, when either side names one): overlap of capitalised names and acronyms;
 * - figures (0.15, when both state one): the share of figures that agree.
 * A claim that repeats the words but states a different figure ("same claim, different figure") is
 * scaled down by DIFFERENT_FIGURE_FACTOR and says so in its reasons.
 */

/** Statements are cut to this many characters before analysis: a pasted essay must not stall the panel. */
export const MAX_STATEMENT_CHARS = 4000;
/** Below this score a candidate is not "the same claim". */
export const SIMILARITY_THRESHOLD = 0.35;
const DIFFERENT_FIGURE_FACTOR = 0.75;
const NAME_WORD_FACTOR = 0.35;

const WEIGHTS = { words: 0.45, trigrams: 0.25, entities: 0.15, figures: 0.15 } as const;

// ---------------------------------------------------------------------------------------------
// Normalisation

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Persian and Arabic-Indic digits to ASCII; the Arabic decimal and thousands separators to "." and ",". */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const p = PERSIAN_DIGITS.indexOf(ch);
    const a = ARABIC_DIGITS.indexOf(ch);
    if (p >= 0) out += String(p);
    else if (a >= 0) out += String(a);
    else if (ch === '\u066B') out += '.';
    else if (ch === '\u066C') out += ',';
    else if (ch === '\u066A') out += '%';
    else out += ch;
  }
  return out;
}

/**
 * Lower case, diacritics (Latin accents, Arabic harakat) removed, Arabic-script letter variants
 * folded (Arabic yeh/kaf to the Persian forms, alef variants to bare alef, teh marbuta to heh),
 * tatweel dropped, the zero-width non-joiner made a space (Persian "می‌گوید" → "می گوید").
 */
export function foldText(text: string): string {
  return asciiDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ـ/g, '')
    .replace(/[\u200C\u200D\u200E\u200F]/g, ' ')
    .toLowerCase();
}

/**
 * Names newsrooms write several ways, folded to one token before comparing ("U.S." = "United
 * States" = "America"). Small and explicit; the reasons show the canonical form.
 */
const ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:the\s+)?united\s+states(?:\s+of\s+america)?\b|\bu\.\s?s\.(?:\s?a\.)?|\busa\b|\bamerica\b|\bamericans?\b/g, ' usa '],
  [/\bislamic\s+state(?:\s+(?:group|of\s+iraq\s+and\s+(?:syria|the\s+levant)))?\b|\bisis\b|\bisil\b|\bdaesh\b|داعش/g, ' isis '],
  [/\bunited\s+kingdom\b|\bu\.k\.|\bbritain\b/g, ' uk '],
  [/\beuropean\s+union\b|\be\.u\./g, ' eu '],
  [/\bunited\s+nations\b|\bu\.n\./g, ' un '],
];
/** The alias tokens and the words the index may hold for them (what lookupTerms searches for). */
const ALIAS_LOOKUP: Readonly<Record<string, string[]>> = {
  usa: ['usa', 'america', 'american', 'states'],
  isis: ['isis', 'isil', 'daesh', 'islamic'],
  uk: ['uk', 'britain', 'kingdom'],
  eu: ['eu', 'european'],
  un: ['un', 'nations'],
};

export function applyAliases(folded: string): string {
  let out = folded;
  for (const [pattern, token] of ALIASES) out = out.replace(pattern, token);
  return out;
}

const ENGLISH_STOP_WORDS = new Set(
  (
    'a about above after again against all almost also am an and any are aren as at be because been before being below between both but by ' +
    'can cannot could did didn do does doesn doing don down during each even ever every few for from further had has have having he her here hers ' +
    'herself him himself his how however i if in into is isn it its itself just last least less like made make many may me might more most much must my myself ' +
    'never no nor not now of off on once one only or other our ours ourselves out over own per said same say says she should so some such ' +
    'than that the their theirs them themselves then there these they this those though through thus to too under until up upon us very was ' +
    'wasn we were weren what when where whether which while who whom whose why will with within without would yet you your yours yourself ' +
    'according according claimed claims claim stated states statement told percent cent'
  ).split(' '),
);

// Small lists of the commonest function words; the FTS index still holds them, only scoring skips them.
const PERSIAN_STOP_WORDS = new Set(
  (
    'و در به از که این را با است برای آن یک تا هم می ها های شد شده بود بوده اند ای کرد کرده کند کنند خود نیز اما یا ' +
    'اگر بر پس هر چه چون دیگر همه وی او ما من شما آنها ایشان باید نمی نه هیچ بی روی زیر پیش بین گفت گفته گوید میگوید ' +
    'داد دارد داشت شود دهد هست نیست ان اين آنکه ولی چند همین همان'
  ).split(/\s+/),
);
const ARABIC_STOP_WORDS = new Set(
  (
    'في من على الی الى عن ان إن أن هذا هذه ذلک ذلك تلک التی التي الذی الذي الذین و او أو ما لا لم لن مع کان کانت قد ' +
    'کل بعد قبل بین حتی ثم هو هی هم نحن انا انه انها عند لقد کما ای غیر منذ خلال وقال قال یکون'
  ).split(/\s+/).map((w) => foldText(w)),
);
const FOLDED_PERSIAN_STOP_WORDS = new Set([...PERSIAN_STOP_WORDS].map((w) => foldText(w)));

export function isStopWord(folded: string): boolean {
  return ENGLISH_STOP_WORDS.has(folded) || FOLDED_PERSIAN_STOP_WORDS.has(folded) || ARABIC_STOP_WORDS.has(folded);
}

/**
 * Light English suffix stemming, enough for "prices"/"price", "rising"/"rise", "doubled"/"double"
 * to meet: plural -s/-es/-ies, -ing, -ed, -ly, then a final -e. Other scripts are left as they are.
 */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "stopp(ed)", "plann(ing)": a doubled consonant left by the suffix.
  if (/([bdfgmnprt])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export interface Figure {
  /** The value, with multipliers applied ("1.5 million" → 1500000). */
  value: number;
  /** '%' for percentages, a currency sign, or '' for a plain count. */
  unit: string;
  /** How the reasons show it: "40%", "$1,500,000", "1,500,000". */
  display: string;
}

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const MULTIPLIERS: Record<string, number> = {
  hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
  هزار: 1e3, میلیون: 1e6, میلیارد: 1e9, الف: 1e3, ملیون: 1e6, ملیار: 1e9,
};
const PERCENT_WORDS = /^(%|percent|per\s*cent|pc|درصد|بالمیه|بالمئه|فی\s*المیه)/;
const CURRENCY_BEFORE: Record<string, string> = { $: '$', '€': '€', '£': '£', '¥': '¥', '₹': '₹' };
const CURRENCY_WORDS: Record<string, string> = { dollars: '$', dollar: '$', usd: '$', euros: '€', euro: '€', eur: '€', pounds: '£', gbp: '£', ریال: 'rial', تومان: 'toman', دلار: '$' };

/** "forty", "forty-two", "twenty one" → the number and how many words it used; null when none. */
function wordNumberAt(words: string[], i: number): { value: number; used: number } | null {
  const w = words[i];
  if (w === undefined) return null;
  if (w in SMALL_NUMBERS) return { value: SMALL_NUMBERS[w]!, used: 1 };
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (hyphen && hyphen[1]! in TENS && hyphen[2]! in SMALL_NUMBERS && SMALL_NUMBERS[hyphen[2]!]! < 10) return { value: TENS[hyphen[1]!]! + SMALL_NUMBERS[hyphen[2]!]!, used: 1 };
  if (w in TENS) {
    const next = words[i + 1];
    if (next && next in SMALL_NUMBERS && SMALL_NUMBERS[next]! > 0 && SMALL_NUMBERS[next]! < 10) return { value: TENS[w]! + SMALL_NUMBERS[next]!, used: 2 };
    return { value: TENS[w]!, used: 1 };
  }
  return null;
}

function formatFigure(value: number, unit: string): string {
  const rounded = Math.round(value * 1000) / 1000;
  // A year reads as a year ("2011", not "2,011").
  if (unit === '' && Number.isInteger(rounded) && rounded >= 1000 && rounded <= 2100) return String(rounded);
  const text = rounded.toLocaleString('en', { maximumFractionDigits: 3 });
  if (unit === '%') return `${text}%`;
  if (unit === '') return text;
  if (unit.length === 1) return `${unit}${text}`;
  return `${text} ${unit}`;
}

/**
 * The figures a statement gives: digits (any script), English number words up to 99, with a
 * multiplier (thousand, million, billion …, Persian/Arabic too), a percent sign or word, a currency.
 * Years and other plain numbers count too ("since 2011").
 */
export function extractFigures(text: string): Figure[] {
  const folded = foldText(text.slice(0, MAX_STATEMENT_CHARS));
  // Tokens: numbers (with , and . inside), words, and single symbols.
  const tokens = folded.match(/\d[\d,]*(?:\.\d+)?|[\p{L}]+(?:-[\p{L}]+)?|[%$€£¥₹]/gu) ?? [];
  const out: Figure[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    let value: number | null = null;
    let used = 1;
    if (/^\d/.test(token)) {
      // "1,500" is a thousands separator; "1,5" (European decimal) is read as 1.5.
      const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token) ? token.replace(/,/g, '') : token.replace(/,(\d{1,2})$/, '.$1').replace(/,/g, '');
      value = Number(plain);
      if (!Number.isFinite(value)) continue;
    } else {
      const word = wordNumberAt(tokens, i);
      if (!word) continue;
      value = word.value;
      used = word.used;
    }
    let unit = '';
    const before = tokens[i - 1];
    if (before && before in CURRENCY_BEFORE) unit = CURRENCY_BEFORE[before]!;
    let j = i + used;
    const mult = tokens[j];
    if (mult && mult in MULTIPLIERS && !(mult === 'b' || mult === 'm' || mult === 'k') ) {
      value *= MULTIPLIERS[mult]!;
      j += 1;
    } else if (mult && (mult === 'm' || mult === 'k' || mult === 'b') && /^\d/.test(token)) {
      value *= MULTIPLIERS[mult]!;
      j += 1;
    }
    const after = `${tokens[j] ?? ''} ${tokens[j + 1] ?? ''}`.trim();
    if (PERCENT_WORDS.test(after)) {
      unit = '%';
      j += /^per\s+cent/.test(after) || /^فی\s+المیه/.test(after) ? 2 : 1;
    } else if (tokens[j] && tokens[j]! in CURRENCY_WORDS && unit === '') {
      unit = CURRENCY_WORDS[tokens[j]!]!;
      j += 1;
    }
    // A lone "one" is usually a pronoun ("the one who …"), not a figure.
    if (used === 1 && !/^\d/.test(token) && value === 1 && unit === '') continue;
    out.push({ value, unit, display: formatFigure(value, unit) });
    i = j - 1;
  }
  // One entry per distinct figure.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.unit}|${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Features

export interface ClaimFeatures {
  /** Content words, stemmed, each once; `surface` maps a stem to the first word it came from. */
  words: string[];
  surface: Map<string, string>;
  /** A stem to the word as written in the statement (case kept), for the reasons. */
  display: Map<string, string>;
  figures: Figure[];
  /** Words of capitalised names (runs of capitalised words not at a sentence start) and acronyms, folded. */
  entities: string[];
  entitySurface: Map<string, string>;
  trigrams: Map<string, number>;
  /** Whether the statement is (partly) in Arabic script (Persian, Arabic, Urdu …). */
  arabicScript: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function trigramsOf(folded: string): Map<string, number> {
  const grams = new Map<string, number>();
  // Words only, joined by one space, padded: "cat" → " ca", "cat", "at ".
  const text = ` ${(folded.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  const chars = Array.from(text);
  for (let i = 0; i + 3 <= chars.length; i += 1) {
    const gram = chars.slice(i, i + 3).join('');
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function entitiesOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  // Sentences; in each, runs of capitalised words (a run may include "of", "al-", "bin" between names).
  for (const sentence of text.split(/(?<=[.!?؟])\s+|\n+/)) {
    const tokens = Array.from(sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu), (m) => m[0].replace(/[.'’]+$/, ''));
    let run: string[] = [];
    let runStart = -1;
    const flush = (endIndex: number) => {
      if (run.length === 0) return;
      // A single capitalised word opening the sentence is just the sentence's first word.
      const atStart = runStart === 0;
      const acronym = run.length === 1 && /^\p{Lu}[\p{Lu}.]+$/u.test(run[0]!) && run[0]!.replace(/\./g, '').length >= 2;
      if (!atStart || run.length > 1 || acronym) {
        const words = atStart && run.length > 1 && !acronym && isStopWord(foldText(run[0]!)) ? run.slice(1) : run;
        // Compared word by word, so "President Raisi" and "Raisi" share "Raisi".
        for (const key of applyAliases(foldText(words.join(' '))).split(/\s+/)) {
          const clean = key.replace(/[.'’-]+/g, '');
          if (!clean || isStopWord(clean) || found.has(clean)) continue;
          const original = words.find((w) => foldText(w).replace(/[.'’-]+/g, '') === clean);
          // A piece of a hyphenated word ("backed" of "U.S.-backed") is no name.
          if (original) found.set(clean, original);
          else if (clean in ALIAS_LOOKUP) found.set(clean, clean.toUpperCase());
        }
      }
      run = [];
      runStart = -1;
      void endIndex;
    };
    tokens.forEach((token, index) => {
      if (/^\p{Lu}/u.test(token)) {
        if (run.length === 0) runStart = index;
        run.push(token);
      } else if (run.length > 0 && /^(al|bin|de|van|von|la)$/.test(token) && /^\p{Lu}/u.test(tokens[index + 1] ?? '')) {
        run.push(token);
      } else flush(index);
    });
    flush(tokens.length);
  }
  return found;
}

/** Everything the comparison needs from one statement; never throws (empty input gives empty features). */
export function claimFeatures(statement: string): ClaimFeatures {
  const text = typeof statement === 'string' ? statement.slice(0, MAX_STATEMENT_CHARS) : '';
  const folded = applyAliases(foldText(text));
  const surface = new Map<string, string>();
  for (const match of folded.matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (word.length < 2 || isStopWord(word) || /^\d/.test(word)) continue;
    const stemmed = stem(word);
    if (!surface.has(stemmed)) surface.set(stemmed, word);
  }
  // The words as written (case kept), for the reasons: "shares ‘Assad’", not "‘assad’".
  const display = new Map<string, string>();
  for (const match of text.matchAll(WORD)) {
    const original = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    const key = stem(foldText(original));
    if (surface.has(key) && !display.has(key)) display.set(key, original);
  }
  const entitySurface = entitiesOf(text);
  return {
    display,
    words: [...surface.keys()],
    surface,
    figures: extractFigures(text),
    entities: [...entitySurface.keys()],
    entitySurface,
    trigrams: trigramsOf(folded),
    arabicScript: ARABIC_SCRIPT.test(text),
  };
}

/**
 * What to look the statement up with in the full-text index: its content words as written (folded:
 * lower case, no diacritics), longest first (long words are rarer), and the digits of its figures.
 * Pure tokens of letters and digits only, safe to quote into an FTS5 or tsquery expression.
 */
export function lookupTerms(statement: string, max = 12): { words: string[]; numbers: string[]; arabicScriptWords: string[] } {
  const features = claimFeatures(statement);
  const words = [...new Set([...features.surface.values()].flatMap((w) => ALIAS_LOOKUP[w] ?? [w]).map((w) => w.normalize('NFC')))]
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, max);
  const numbers = [...new Set(features.figures.flatMap((f) => (Number.isInteger(f.value) && f.value >= 10 && f.value < 1e6 ? [String(f.value)] : [])))].slice(0, 4);
  const arabicScriptWords = words.filter((w) => ARABIC_SCRIPT.test(w) && Array.from(w).length >= 3);
  return { words, numbers, arabicScriptWords };
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface SimilarityResult {
  score: number;
  reasons: string[];
  sharedWords: string[];
  sameFigures: string[];
  differentFigures: Array<[string, string]>;
  sharedEntities: string[];
}

/** A word's weight: rarer words count more. Default: longer words count a little more. */
export type WordWeight = (stem: string) => number;
const defaultWeight: WordWeight = (word) => 1 + Math.min(Array.from(word).length, 12) / 12;

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}

function quoteList(items: string[], max = 4): string {
  const shown = items.slice(0, max).map((w) => `‘${w}’`);
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}

/**
 * How alike two statements are (symmetric unless `weight` differs), with the reasons in words:
 * "shares ‘inflation’, ‘raisi’", "same figure 40%", "different figure: 30% vs 40%".
 */
export function compareClaims(a: ClaimFeatures, b: ClaimFeatures, weight: WordWeight = defaultWeight): SimilarityResult {
  const bWords = new Set(b.words);
  const shared = a.words.filter((w) => bWords.has(w));
  // Names count in the entity part; in the word part they count half, so that two claims about
  // the same actors but saying different things ("bombed" / "created") stay apart.
  const names = new Set([...a.entities, ...b.entities].map(stem));
  const wordWeight = (w: string) => weight(w) * (names.has(w) ? NAME_WORD_FACTOR : 1);
  const sum = (words: string[]) => words.reduce((s, w) => s + wordWeight(w), 0);
  const totalA = sum(a.words);
  const totalB = sum(b.words);
  const sharedWeight = sum(shared);
  const wordScore = totalA > 0 && totalB > 0 ? (sharedWeight / totalA + sharedWeight / totalB) / 2 : 0;

  const trigramScore = cosine(a.trigrams, b.trigrams);

  const bEntities = new Set(b.entities);
  const sharedEntities = a.entities.filter((e) => bEntities.has(e));
  const entityUnion = new Set([...a.entities, ...b.entities]).size;
  const entityScore = entityUnion > 0 ? sharedEntities.length / Math.min(Math.max(a.entities.length, 1), Math.max(b.entities.length, 1), entityUnion) : 0;

  // Figures: a figure of A agrees with one of B (same unit and value); it differs when B has a
  // figure of the same unit and none equal to it.
  const sameFigures: string[] = [];
  const differentFigures: Array<[string, string]> = [];
  for (const fa of a.figures) {
    if (b.figures.some((fb) => fb.unit === fa.unit && sameValue(fb.value, fa.value))) sameFigures.push(fa.display);
    else {
      const other = b.figures.find((fb) => fb.unit === fa.unit && !a.figures.some((x) => x.unit === fb.unit && sameValue(x.value, fb.value)));
      if (other) differentFigures.push([fa.display, other.display]);
    }
  }
  const compared = sameFigures.length + differentFigures.length;
  const figureScore = compared > 0 ? sameFigures.length / compared : 0;

  let weighted = WEIGHTS.words * Math.min(1, wordScore) + WEIGHTS.trigrams * trigramScore;
  let total = WEIGHTS.words + WEIGHTS.trigrams;
  if (entityUnion > 0) {
    weighted += WEIGHTS.entities * Math.min(1, entityScore);
    total += WEIGHTS.entities;
  }
  if (compared > 0) {
    weighted += WEIGHTS.figures * figureScore;
    total += WEIGHTS.figures;
  }
  let score = total > 0 ? weighted / total : 0;
  if (differentFigures.length > 0) score *= DIFFERENT_FIGURE_FACTOR;
  score = Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));

  const sharedSurface = [...shared].sort((x, y) => weight(y) - weight(x)).map((w) => a.display.get(w) ?? a.surface.get(w) ?? w);
  const entitySurfaces = sharedEntities.map((e) => a.entitySurface.get(e) ?? e);
  const entityWords = new Set(sharedEntities.flatMap((e) => e.split(/\s+/).map(stem)));
  const reasons: string[] = [];
  if (entitySurfaces.length > 0) reasons.push(`names ${quoteList(entitySurfaces, 3)}`);
  const plainShared = sharedSurface.filter((w) => !entityWords.has(stem(foldText(w))));
  if (plainShared.length > 0) reasons.push(`shares ${quoteList(plainShared)}`);
  if (sameFigures.length > 0) reasons.push(`same figure${sameFigures.length > 1 ? 's' : ''} ${sameFigures.join(', ')}`);
  for (const [mine, theirs] of differentFigures.slice(0, 2)) reasons.push(`different figure: ${mine} vs ${theirs}`);
  if (reasons.length === 0 && trigramScore >= 0.5) reasons.push('similar wording');
  return { score, reasons, sharedWords: sharedSurface, sameFigures, differentFigures, sharedEntities: entitySurfaces };
}

/** Pseudo-documents without the word, so that a pool of two or three candidates does not invert the weights. */
const IDF_BACKGROUND = 20;

/**
 * Word weights from a set of statements (the query and its candidates), bm25's idf smoothed by a
 * small background: ln(1 + (N + 20 − df + 0.5)/(df + 0.5)). A word most candidates share counts
 * little ("government"), a word only one shares counts most ("Soleimani").
 */
export function idfWeights(documents: ClaimFeatures[]): WordWeight {
  const df = new Map<string, number>();
  for (const doc of documents) for (const w of doc.words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = documents.length + IDF_BACKGROUND;
  return (word) => {
    const d = df.get(word) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5)) * defaultWeight(word);
  };
}

/** Compare one statement with many, best first, those at or above `threshold` only. */
export function rankSimilar<T>(statement: string, candidates: ReadonlyArray<{ text: string; item: T }>, threshold = SIMILARITY_THRESHOLD): Array<{ item: T; result: SimilarityResult }> {
  const query = claimFeatures(statement);
  if (query.words.length === 0 && query.figures.length === 0) return [];
  const features = candidates.map((c) => claimFeatures(c.text));
  const weight = idfWeights([query, ...features]);
  return candidates
    .map((c, i) => ({ item: c.item, result: compareClaims(query, features[i]!, weight) }))
    .filter((r) => r.result.score >= threshold)
    .sort((x, y) => y.result.score - x.result.score);
}
