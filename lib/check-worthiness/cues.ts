/**
 * Cue extraction for one sentence: each cue a named feature with the matched span (offsets into
 * the sentence). English cues are word patterns plus compromise (entities, superlatives,
 * imperatives); Persian and Arabic cues are word lists; the language-independent cues (digits of
 * any script, %, ٪, currency symbols, ISO dates and years, quotation marks, ? and ؟) run for every
 * language. Persian/Arabic digits are mapped to ASCII first (one code unit each, so offsets hold).
 */
import { analyseEnglishPiece, pieces, withoutTitle, type EnglishAnalysis, type EntityMatch } from './english';
import { FEATURES, type CueName, type FeatureVector, type Language, type Reason } from './types';

export interface Cue {
  cue: CueName;
  label: string;
  start: number;
  end: number;
  who?: string;
}

/** Cues that only run for some languages. */
export const LANGUAGE_CUES: Record<Language, readonly CueName[]> = {
  en: ['number', 'percentage', 'money', 'date', 'statistic', 'attribution', 'causal', 'entity', 'quotation', 'hedge', 'question', 'imperative', 'future', 'firstPerson'],
  fa: ['number', 'percentage', 'money', 'date', 'statistic', 'attribution', 'causal', 'quotation', 'hedge', 'question', 'imperative', 'future', 'firstPerson'],
  ar: ['number', 'percentage', 'money', 'date', 'statistic', 'attribution', 'causal', 'quotation', 'hedge', 'question', 'imperative', 'future', 'firstPerson'],
  und: ['number', 'percentage', 'money', 'date', 'quotation', 'question'],
};

export function unsupportedCues(language: Language): CueName[] {
  const supported = new Set(LANGUAGE_CUES[language]);
  return FEATURES.filter((f): f is CueName => f !== 'length' && !supported.has(f));
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII; Arabic decimal/thousands marks → . and ,. Same length. */
export function normaliseDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669\u066B\u066C]/gu, (d) => {
    const c = d.charCodeAt(0);
    if (c === 0x66b) return '.';
    if (c === 0x66c) return ',';
    return String(c >= 0x6f0 ? c - 0x6f0 : c - 0x660);
  });
}

// --- pattern helpers --------------------------------------------------------------------------

/** Whole words (also for Arabic script, where \b does not work): no letter/digit on either side. */
function words(alternatives: readonly string[], flags = 'gu', prefix = ''): RegExp {
  const body = alternatives.map((a) => a.replace(/ /g, '[\\s\\u200C]+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${prefix}(?:${body})(?![\\p{L}\\p{M}\\p{N}])`, flags);
}

function* matches(re: RegExp, text: string): Generator<{ text: string; start: number; end: number }> {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    const start = m.index ?? 0;
    yield { text: m[0], start, end: start + m[0].length };
  }
}

const short = (s: string, max = 60): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

// --- language-independent ---------------------------------------------------------------------

const NUMBER = /\p{Nd}+(?:[.,]\p{Nd}+)*/gu;
const PERCENT_ANY = /\d+(?:[.,]\d+)?\s?[%\u066A\u2030]/gu;
const MONEY_ANY = /[$€£¥₹\uFDFC]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)(?![\p{L}]))?/giu;
const DATE_ANY = /(?<![\d.,])(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|(?:1[89]|20)\d{2}s?)(?![\d.,]\d)/gu;
const PERSIAN_YEAR = /(?<![\d.,])1[34]\d{2}(?![\d.,]\d)/gu;

// --- English ----------------------------------------------------------------------------------

const EN = {
  numberWords: /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|a third|a quarter|two-thirds|three-quarters)\b/gi,
  percentage: /(?:\b\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred))[\s-]?(?:%|percent\b|per cent\b|percentage points?\b)/gi,
  money: /(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?|\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand))?\s(?:dollars|euros|pounds|yen|rials|tomans|USD|EUR|GBP)\b)/gi,
  months: /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b/g,
  dateWords: /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|yesterday|today|tonight|tomorrow|(?:last|next|this|the previous|the coming)\s+(?:week|month|year|decade|spring|summer|autumn|fall|winter)|fiscal year|since\s+(?:1[89]|20)\d{2}|a (?:decade|year|month|week) ago|in the summer|in the spring|in the autumn|in the winter)\b/gi,
  statistic: /\b(?:(?:more|less|fewer|higher|lower|greater|bigger|smaller|larger|faster|slower|cheaper|older|younger)\s+than|at least|at most|as (?:many|much|few) as|up from|down from|compared (?:with|to)|(?:rose|risen|rise|rises|rising|fell|fallen|falling|increased?|increases|increasing|decreased?|decreases|decreasing|grew|grown|grows|doubled?|doubling|tripled?|halved|quadrupled|surged?|soared?|plunged?|dropped|declined?|jumped|climbed|shrank|cut by|up by|down by)|twice|(?:the\s+)?(?:most|least)\s+[a-z]+|(?:the\s+)?(?:first|last|only)\s+(?:time|city|country|one|stronghold|state)|record|majority|average|per (?:resident|capita|person|head|year|month|day)|one in (?:two|three|four|five|ten)|(?:a|one) third|half of|(?:highest|lowest|largest|biggest|smallest|fastest|slowest|worst|best|deadliest|strongest|weakest|richest|poorest|oldest|newest|longest|shortest))\b/gi,
  attributionVerbs: /\b(?:said|saying|says|say|telling|adding|claiming|insisting|arguing|noting|warning|told|tells|stated|states|announced|announces|claimed|claims|asserted|asserts|insisted|insists|maintained|maintains|accused|accuses|argued|argues|added|noted|notes|wrote|writes|reported|declared|declares|estimates|estimated|alleged|alleges|denied|denies|confirmed|confirms|warned|warns|cautioned|admitted|admits|acknowledged|testified|predicted|promised|pledged|boasted|described)\b/gi,
  according: /\b(?:according to|as reported by|citing|cited by)\b/gi,
  causal: /\b(?:because(?: of)?|due to|led to|leads? to|leading to|caused?|causes|causing|as a result(?: of)?|result(?:ed|s|ing)? in|owing to|thanks to|therefore|responsible for|blamed?|blames|so that|consequently|contributed to)\b/gi,
  hedge: /\b(?:I (?:think|believe|feel|guess|suppose|hope|doubt)|we (?:think|believe|hope|feel)|in my (?:view|opinion)|maybe|perhaps|probably|possibly|might|could be|seems?|appears? to|arguably|hopefully|should|would like|likely|unlikely|I'm not sure|it is hard to say|who knows)\b/gi,
  future: /\b(?:will|won't|would|shall|going to|(?:is|are|was|were) expected to|expects?|plans? to|planned to|promised?|promises|pledged?|pledges|vows?|vowed|intends? to|forecasts?)\b/gi,
  imperative: /^(?:please|tell|share|send|call|check|read|visit|join|sign|contact|let's|let us|avoid|don't|do not|never|click|watch|follow|subscribe|see|have your say|write to|email|donate|vote|remember|note)\b/i,
  firstPerson: /\b(?:I|I'm|I've|[Ww]e|[Ww]e're|[Mm]y|[Oo]ur|me|us)\b/g,
  pronounSubject: /^(?:he|she|they|it|we|i|officials?|the (?:ministry|minister|mayor|council|government|agency|report|statement|spokesman|spokeswoman|spokesperson|official|company|police|office|department))\b/i,
};

// --- Persian and Arabic -----------------------------------------------------------------------

const FA = {
  numberWords: words(['دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'ده', 'بیست', 'سی', 'چهل', 'پنجاه', 'صد', 'هزار', 'میلیون', 'میلیارد', 'نیمی', 'یک‌سوم', 'یک سوم']),
  percentage: /\d+(?:[.,]\d+)?\s?(?:درصد|%|\u066A)|(?<![\p{L}])(?:نیمی|یک\u200C?سوم|دو\u200C?سوم|ده|بیست|سی|پنجاه)\s?درصد/gu,
  money: /\d[\d,.]*\s?(?:هزار|میلیون|میلیارد)?\s?(?:ریال|تومان|دلار|یورو|پوند)(?![\p{L}])/gu,
  months: /(?:\d{1,2}\s?)?(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)(?:\s?ماه)?\s?(?:سال\s?)?\d{2,4}|\d{1,2}\s?(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)(?![\p{L}])/gu,
  dateWords: words(['سال \\d{2,4}', 'دیروز', 'امروز', 'پارسال', 'سال گذشته', 'سال پیش', 'هفته گذشته', 'ماه گذشته', 'شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'پنج‌شنبه', 'جمعه']),
  statistic: new RegExp(
    `${words(['بیش از', 'بیشتر از', 'کمتر از', 'کم‌تر از', 'دست کم', 'دست‌کم', 'دو برابر', 'سه برابر', 'نصف', 'افزایش', 'کاهش', 'رشد', 'میانگین', 'رکورد', 'اکثریت', 'نسبت به', 'در مقایسه با']).source}|[\\p{L}]+\\u200C?ترین(?![\\p{L}])`,
    'gu',
  ),
  according: words(['به گفته', 'به گفتهٔ', 'به گفته‌ی', 'به نقل از', 'طبق گزارش', 'بنا بر', 'بنابر', 'به گزارش', 'بر اساس', 'براساس']),
  attributionVerbs: words(['گفت', 'گفته است', 'گفته بود', 'گفته', 'می‌گوید', 'میگوید', 'اعلام کرد', 'اعلام کرده', 'اعلام کرده است', 'اظهار داشت', 'اظهار کرد', 'مدعی شد', 'مدعی است', 'ادعا کرد', 'ادعا کرده', 'تأکید کرد', 'تاکید کرد', 'افزود', 'خاطرنشان کرد', 'نوشت', 'گزارش داد', 'اعلام شد']),
  causal: words(['به دلیل', 'به علت', 'زیرا', 'چون', 'چرا که', 'باعث', 'منجر به', 'منجر شد', 'در نتیجه', 'به خاطر', 'ناشی از', 'به سبب']),
  hedge: words(['فکر می‌کنم', 'فکر میکنم', 'به نظر من', 'به نظرم', 'شاید', 'احتمالا', 'احتمالاً', 'ممکن است', 'گمان می‌کنم', 'امیدوارم', 'به نظر می‌رسد', 'باید']),
  future: words(['خواهد', 'خواهند', 'خواهیم', 'قرار است', 'پیش‌بینی', 'وعده']),
  imperative: /^(?:لطفاً|لطفا)|(?:^|\s)(?:ب[\p{L}\u200C]*ید|[\p{L}\u200C]+\s(?:کنید|نکنید|بکنید))[.!\u061F]?$/u,
  firstPerson: words(['من', 'ما', 'ام', 'مان']),
};

const AR = {
  numberWords: words(['اثنان', 'اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'عشرة', 'عشرين', 'مئة', 'مائة', 'ألف', 'آلاف', 'مليون', 'ملايين', 'مليار', 'مليارات', 'نصف', 'ثلث', 'ربع']),
  percentage: /\d+(?:[.,]\d+)?\s?(?:%|\u066A|بالمئة|بالمائة|في المئة|في المائة)/gu,
  money: /\d[\d,.]*\s?(?:ألف|مليون|مليار)?\s?(?:دولار|يورو|ريال|جنيه|درهم|دينار|ليرة)(?![\p{L}])/gu,
  months: /(?:\d{1,2}\s?)?(?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|أيلول|تشرين الأول|تشرين الثاني|كانون الأول)(?:\s?\d{4})?/gu,
  dateWords: words(['عام \\d{4}', 'العام \\d{4}', 'أمس', 'اليوم', 'العام الماضي', 'الأسبوع الماضي', 'الشهر الماضي', 'السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة']),
  statistic: words(['أكثر من', 'أقل من', 'على الأقل', 'أكبر', 'الأكبر', 'أعلى', 'الأعلى', 'أدنى', 'الأدنى', 'ضعف', 'ضعفي', 'ارتفع', 'ارتفعت', 'انخفض', 'انخفضت', 'زيادة', 'تراجع', 'ازداد', 'متوسط', 'الأول', 'الأكثر', 'الأقل', 'مقارنة ب']),
  // "وفقا للوزارة": the preposition ل is written onto the next word, so no word boundary after it.
  according: /(?<![\p{L}\p{M}])[وف]?(?:(?:وفق|طبق)[\u064B\u0627]*\s?لـ?|(?:بحسب|حسب|نقلا عن|نقلاً عن)(?![\p{L}\p{M}]))/gu,
  attributionVerbs: words(['قال', 'قالت', 'يقول', 'تقول', 'أعلن', 'أعلنت', 'صرح', 'صرّح', 'صرحت', 'أكد', 'أكدت', 'زعم', 'زعمت', 'ذكر', 'ذكرت', 'أضاف', 'أضافت', 'أشار', 'أشارت', 'ادعى', 'ادعت'], 'gu', '[وف]?'),
  causal: words(['بسبب', 'لأن', 'نتيجة', 'أدى إلى', 'أدت إلى', 'بفضل', 'جراء', 'من جراء', 'نظرا ل', 'نظراً ل'], 'gu', '[وف]?'),
  hedge: words(['ربما', 'أعتقد', 'أظن', 'في رأيي', 'قد يكون', 'من المحتمل', 'أتمنى', 'يبدو', 'يجب'], 'gu', '[وف]?'),
  future: words(['سوف', 'سيتم', 'ستقوم', 'سيقوم', 'من المتوقع', 'يتوقع', 'وعد', 'تعهد'], 'gu', '[وف]?'),
  imperative: /^(?:يرجى|الرجاء|من فضلك|رجاء)/u,
  firstPerson: words(['أنا', 'نحن', 'لنا', 'لي']),
};

// --- quotation, question ----------------------------------------------------------------------

/** Quoted spans: “…”, «…», "…" (paired, or an opening quote running to the sentence end, or a closing quote whose opener was in an earlier sentence). */
export function quotations(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  let openChar = '';
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\u201C' || ch === '\u00AB' || (ch === '"' && open < 0)) {
      if (open < 0) {
        open = i;
        openChar = ch;
      }
      sawAny = true;
    } else if ((ch === '\u201D' && openChar !== '\u00AB') || (ch === '\u00BB' && openChar !== '\u201C') || (ch === '"' && open >= 0)) {
      if (open >= 0) out.push({ start: open, end: i + 1 });
      else if (!sawAny && i > 3) out.push({ start: 0, end: i + 1 });
      open = -1;
      openChar = '';
      sawAny = true;
    }
  }
  if (open >= 0 && text.length - open > 3) out.push({ start: open, end: text.length });
  return out.filter((q) => q.end - q.start > 3);
}

function questionSpan(text: string): { start: number; end: number } | null {
  const m = /[?\u061F][\s"'\u201D\u2019\u00BB)\]]*$/u.exec(text);
  return m ? { start: m.index, end: m.index + 1 } : null;
}

// --- who is speaking --------------------------------------------------------------------------

const WHO_TAIL = /(?:\s+(?:also|has|have|had|then|later|repeatedly|recently|again|once|previously|has also|had also))+$/iu;

function trimWho(s: string): string {
  return s.replace(WHO_TAIL, '').replace(/^[\s,;:\u060C"'\u201C\u201D\u00AB\u00BB]+|[\s,;:\u060C"'\u201C\u201D\u00AB\u00BB.]+$/gu, '').trim();
}

function firstWords(s: string, n: number): string {
  return s.trim().split(/\s+/u).slice(0, n).join(' ');
}
function lastWords(s: string, n: number): string {
  const w = s.trim().split(/\s+/u);
  return w.slice(Math.max(0, w.length - n)).join(' ');
}

// English: the speaker is a name or noun phrase on the subject side of the verb ("X said", "X, who …,
// said", "said X", "X … , saying"), never words inside quotation marks or parentheses; when nothing
// credible is found, no `who` (an empty claimant is better than a wrong one).

/** Quoted and bracketed spans of a sentence: never the speaker, never the attribution verb. */
function hiddenSpans(text: string): { start: number; end: number }[] {
  const brackets = [...matches(/\([^()]*\)?|\[[^\]]*\]?/gu, text)].map(({ start, end }) => ({ start, end }));
  return [...quotations(text), ...brackets];
}

/** The sentence with its hidden spans as '|' (a segment boundary), same length. */
function maskHidden(text: string, hidden: readonly { start: number; end: number }[]): string {
  const chars = text.split('');
  for (const h of hidden) for (let i = h.start; i < h.end; i++) chars[i] = '|';
  return chars.join('');
}

const PREPOSITION = 'in|inside|into|from|to|of|at|by|with|within|without|against|across|near|over|through|for|on|onto|under|toward|towards|about|between|among|amid|after|before|since|during|than|via|like|outside|behind|beyond|around|including|throughout|upon';
const AFTER_PREPOSITION = new RegExp(`(?:^|[\\s,])(?:${PREPOSITION})\\s+(?:(?:the|a|an)\\s+)?$`, 'iu');
const FUNCTION_WORD = new RegExp(`^(?:${PREPOSITION}|the|a|an|this|that|these|those|its|their|his|her|our|my|your|and|or|but|nor|as|so|led|self|also|then|who|which|whom|whose|when|where|while|if|is|are|was|were|has|have|had)$`, 'iu');
const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|these|those|there|one|someone|somebody|everyone|nobody|who|which)$/iu;
/** Words between the speaker and the verb: auxiliaries and adverbs ("Khamenei has repeatedly maintained"). */
const AUX_TAIL = /(?:\s+(?:also|has|have|had|is|are|was|were|been|be|would|will|did|does|do|not|never|then|later|repeatedly|recently|again|once|previously|reportedly|publicly|privately|officially|earlier|already|often|still|always|even|further|just|now|first|separately|openly|falsely|wrongly|rightly|correctly|himself|herself|themselves|itself))+\s*$/iu;
/** Words a subject noun phrase does not run back across. */
const CLAUSE_WORD = /^(?:that|who|whom|whose|which|when|where|while|and|but|or|because|if|although|though|since|so|as|after|until|than|meanwhile|however|then|also|even|yet|whether|why|how|once|said|says|say|is|are|was|were|has|have|had)$/iu;
/** A segment that is a relative or adverbial clause, not the subject ("X, who voted against, said"). */
const SUBORDINATE = /^\s*(?:who|whom|whose|which|where|when|while|as|although|though|because|after|before|if|despite|unlike|like|in|on|at|during|since|with|without|according)\b/iu;
const NOT_A_NAME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An|This|That|These|Those|It|He|She|They|We|I|In|On|At|But|And|However|Meanwhile|Last|Next|Earlier|Later)$/u;
const BOUNDARY = /[,;:|\u2014\u2013()[\]]/u;
const ING = /ing$/iu;

interface Word {
  text: string;
  start: number;
  end: number;
}
function wordsIn(masked: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  for (const m of masked.slice(start, end).matchAll(/[^\s|]+/gu)) {
    const s = start + (m.index ?? 0);
    out.push({ text: m[0], start: s, end: s + m[0].length });
  }
  return out;
}
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/u, (dot) => (/^(?:\p{Lu}\.)+$/u.test(w) ? dot : ''));
const capitalised = (w: string) => /^\p{Lu}/u.test(bare(w)) && !NOT_A_NAME.test(bare(w));
const connector = (w: string) => /^(?:al|el|bin|ibn|bint|abu|de|del|van|von|der|da|du|la|le)(?:-\p{L}.*)?$/u.test(w);

/** A credible speaker, or undefined: never a pronoun or only function words, never too long. */
function credibleWho(raw: string): string | undefined {
  const who = withoutTitle(trimWho(raw.replace(/\|+/gu, ' ')));
  const parts = who.split(/\s+/u).filter(Boolean);
  if (!who || who.length < 2 || parts.length > 8 || !/\p{L}/u.test(who)) return undefined;
  if (parts.length === 1 && PRONOUN.test(who)) return undefined;
  if (parts.every((p) => FUNCTION_WORD.test(bare(p)) || PRONOUN.test(bare(p)))) return undefined;
  if (FUNCTION_WORD.test(bare(parts[parts.length - 1] ?? '')) || /-$/u.test(who)) return undefined;
  return who;
}

/** The trailing run of capitalised words of `words` (a name compromise did not tag: "Khamenei", "Bashar al-Assad"). */
function trailingName(words: readonly Word[]): { start: number; end: number } | null {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1];
    if (!w) break;
    if (capitalised(w.text) || (i < words.length && i > 1 && connector(w.text))) i--;
    else break;
  }
  const first = words[i];
  const last = words[words.length - 1];
  if (!first || !last || !capitalised(first.text)) return null;
  return { start: first.start, end: last.end };
}

/**
 * The speaker in one segment before the verb [start, end): an entity ending it, a named person or
 * organisation in it, a capitalised name ending it, else (unless `namesOnly`) its trailing noun phrase.
 */
function subjectIn(masked: string, start: number, end: number, entities: readonly EntityMatch[], namesOnly = false): string | undefined {
  const cited = /(?:^|\s)(?:cited|quoted)\s+(\S.*?)\s+as\s*$/iu.exec(masked.slice(start, end));
  if (cited?.[1]) {
    start = start + cited.index + cited[0].indexOf(cited[1]);
    end = start + cited[1].length;
  }
  const inSegment = entities.filter((e) => e.start >= start && e.end <= end);
  const afterPreposition = (at: number) => AFTER_PREPOSITION.test(masked.slice(start, at));
  const last = inSegment[inSegment.length - 1];
  if (last && !afterPreposition(last.start)) {
    const rest = masked.slice(last.end, end);
    if (!rest.trim()) return credibleWho(last.text);
    // "Iran's Supreme Leader": the possessive noun phrase, not the country.
    const owned = /^[\u2019']s((?:\s+[\p{L}\p{M}.-]+){1,4})\s*$/u.exec(rest);
    if (owned?.[1] && !owned[1].trim().split(/\s+/u).some((w) => CLAUSE_WORD.test(w) || FUNCTION_WORD.test(w))) return credibleWho(masked.slice(last.start, end));
  }
  // A person or organisation, also "the report by Amnesty International"; a place after a preposition is not a speaker.
  const named = inSegment.filter((e) => e.kind !== 'place' && (!afterPreposition(e.start) || /(?:^|\s)(?:by|from|for|of)\s+(?:the\s+)?$/iu.test(masked.slice(start, e.start)))).pop();
  if (named) return credibleWho(named.text);
  const words = wordsIn(masked, start, end);
  const name = trailingName(words);
  if (name && !afterPreposition(name.start)) {
    const owned = /^[\u2019']s\s*$/u.test(masked.slice(name.end, end));
    if (!owned) return credibleWho(masked.slice(name.start, name.end));
  }
  if (namesOnly) return undefined;
  // The trailing noun phrase, back to a clause word, at most 6 words (more to keep a name whole).
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1];
    if (!w || CLAUSE_WORD.test(bare(w.text))) break;
    if (words.length - i >= 6 && !(capitalised(w.text) && capitalised(words[i]?.text ?? ''))) break;
    i--;
  }
  while (i < words.length && FUNCTION_WORD.test(bare(words[i]?.text ?? '')) && !/^(?:the|a|an)$/iu.test(bare(words[i]?.text ?? ''))) i++;
  const first = words[i];
  const lastWord = words[words.length - 1];
  if (!first || !lastWord) return undefined;
  return credibleWho(masked.slice(first.start, lastWord.end));
}

/** After the verb: "said Marsh", "said shop owner Dana Whitfield", "said the ministry". */
function subjectAfter(masked: string, verbEnd: number, entities: readonly EntityMatch[], phrase: boolean): string | undefined {
  const entity = entities.find((e) => e.start >= verbEnd && /^[\s\p{Ll}-]{0,40}$/u.test(masked.slice(verbEnd, e.start)));
  if (entity) return credibleWho(entity.text);
  const clause = masked.slice(verbEnd).split(/[,;:.!?|\u2014(]/u)[0] ?? '';
  const words = wordsIn(masked, verbEnd, verbEnd + clause.length);
  let i = 0;
  while (i < words.length && i < 4 && !capitalised(words[i]?.text ?? '') && /^\p{Ll}/u.test(words[i]?.text ?? '')) i++;
  const run: Word[] = [];
  for (let k = i; k < words.length; k++) {
    const w = words[k];
    if (!w || !(capitalised(w.text) || (run.length > 0 && connector(w.text)))) break;
    run.push(w);
  }
  const firstRun = run[0];
  const lastRun = run[run.length - 1];
  if (firstRun && lastRun) return credibleWho(masked.slice(firstRun.start, lastRun.end));
  // "said the ministry": a short lower-case noun phrase that ends the clause.
  if (phrase && words.length > 0 && words.length <= 4 && !/^(?:last|this|next|on|in|at|earlier|later|today|yesterday)$/iu.test(bare(words[0]?.text ?? '')) && !words.some((w) => CLAUSE_WORD.test(bare(w.text)))) return credibleWho(clause);
  return undefined;
}

/** Is this attribution-verb match a verb of speaking here? Not "self-declared", not "United States", not inside a quotation or parentheses. */
function credibleEnglishVerb(text: string, verb: { start: number; end: number }, entities: readonly EntityMatch[], hidden: readonly { start: number; end: number }[]): boolean {
  if (text[verb.start - 1] === '-' || text[verb.end] === '-') return false;
  if (hidden.some((h) => overlaps(h, verb)) || entities.some((e) => overlaps(e, verb))) return false;
  return !/^\p{Lu}/u.test(text.slice(verb.start)) || !/\bUnited\s+$/u.test(text.slice(0, verb.start));
}

function englishWho(text: string, verb: { start: number; end: number }, according: boolean, allEntities: EntityMatch[]): string | undefined {
  const hidden = hiddenSpans(text);
  const masked = maskHidden(text, hidden);
  const entities = allEntities.filter((e) => !hidden.some((h) => overlaps(h, e)));
  if (according) {
    const after = masked.slice(verb.end).split(/[,;:.|\u2014(]/u)[0] ?? '';
    const entity = entities.find((e) => e.start >= verb.end && e.end <= verb.end + after.length);
    // "according to figures released by the state health department": the source after "by".
    const by = /\s(?:released|published|compiled|issued|provided|gathered|collected)\s(?:[^|]*?\s)?by\s+(\S[^|]*)$/iu.exec(after);
    const words = (by?.[1] ?? after).trim().split(/\s+/u);
    // Six words, or more to keep a name whole; not ending on a function word.
    let n = Math.min(words.length, 6);
    while (n < words.length && /^\p{Lu}/u.test(words[n] ?? '') && /^\p{Lu}/u.test(words[n - 1] ?? '')) n++;
    while (n > 1 && FUNCTION_WORD.test(bare(words[n - 1] ?? ''))) n--;
    const who = credibleWho(words.slice(0, n).join(' '));
    return who ?? (entity ? credibleWho(entity.text) : undefined);
  }
  let end = verb.start;
  const tail = AUX_TAIL.exec(masked.slice(0, end));
  if (tail) end = tail.index;
  let appositive: string | undefined;
  for (let hop = 0; hop < 4; hop++) {
    const before = masked.slice(0, end).trimEnd();
    if (!before) return hop === 0 ? subjectAfter(masked, verb.end, entities, true) : appositive;
    const lastChar = before[before.length - 1] ?? '';
    if (BOUNDARY.test(lastChar)) {
      // The verb right after a quotation or comma: "…," said X / "…, said Marsh"; a participle ("…, saying") has its subject before.
      if (hop === 0 && !ING.test(text.slice(verb.start, verb.end))) {
        const after = subjectAfter(masked, verb.end, entities, lastChar === '|');
        if (after || lastChar === '|') return after;
      }
      end = before.length - 1;
      continue;
    }
    let segStart = before.length;
    while (segStart > 0 && !BOUNDARY.test(before[segStart - 1] ?? '')) segStart--;
    const segment = before.slice(segStart);
    const comma = segStart > 0 && before[segStart - 1] === ',';
    // ", which Marsh said": the name after the relative word; ", who voted against the plan," is not the subject: the segment before it is.
    // "Critics, including Senator Jane Doe, argued": the examples are not the speaker.
    if (comma && hop < 3 && /^\s*(?:including|such as|especially|notably|among them)\s/iu.test(segment)) {
      end = segStart - 1;
      continue;
    }
    const relative = SUBORDINATE.exec(segment);
    if (relative) {
      const named = subjectIn(masked, segStart + relative[0].length, before.length, entities, true);
      if (named || !comma) return named ?? appositive;
      end = segStart - 1;
      continue;
    }
    // "…" and said: the subject of the clause before.
    if (/^\s*(?:and|but|then|and then|but then)\s*$/iu.test(segment) && segStart > 0) {
      let clauseStart = segStart - 1;
      while (clauseStart > 0 && !/[,;:\u2014\u2013]/u.test(masked[clauseStart - 1] ?? '')) clauseStart--;
      const head = wordsIn(masked, clauseStart, segStart);
      const firstName: Word[] = [];
      for (const w of head) {
        if (!(capitalised(w.text) || (firstName.length > 0 && connector(w.text)))) break;
        firstName.push(w);
      }
      const entity = entities.find((e) => e.start >= clauseStart && e.end <= segStart && !/\S/u.test(masked.slice(clauseStart, e.start)));
      if (entity) return credibleWho(entity.text);
      const a = firstName[0];
      const z = firstName[firstName.length - 1];
      return a && z ? credibleWho(masked.slice(a.start, z.end)) : undefined;
    }
    // "Jenna Alvarez, a mother of three, said": an appositive noun phrase gives way to the name before it.
    const named = subjectIn(masked, segStart, before.length, entities, true);
    if (named) return named;
    const phrase = subjectIn(masked, segStart, before.length, entities);
    if (comma && hop < 3 && phrase && /^\s*(?:a|an|the)\s/iu.test(segment) && !appositive) {
      appositive = phrase;
      end = segStart - 1;
      continue;
    }
    return hop > 0 && appositive ? appositive : phrase;
  }
  return appositive;
}

function arabicScriptWho(text: string, verb: { start: number; end: number }, according: boolean, language: Language): string | undefined {
  const afterText = text.slice(verb.end).split(/[,;:.\u060C\u061B"\u201C\u00AB(]|(?<![\p{L}])(?:که|إن|أن|انه|إنه|أنه)(?![\p{L}])/u)[0] ?? '';
  if (according) return trimWho(firstWords(afterText, 3)) || undefined;
  const head = text.slice(0, verb.start);
  const clause = head.split(/[,;:\u060C\u061B"\u201C\u201D\u00AB\u00BB]/u).pop() ?? '';
  const bare = clause.replace(/^[\s\u0648]+/u, '').trim();
  // Arabic verb-first ("قال الوزير …"): the speaker follows; otherwise (Persian SOV) the words before.
  if (!bare && language === 'ar') return trimWho(firstWords(afterText, 3)) || undefined;
  const who = trimWho(language === 'fa' ? firstWords(bare, 4) : lastWords(bare, 4));
  return who || undefined;
}

// --- extraction -------------------------------------------------------------------------------

export interface ExtractOptions {
  /** Skip compromise (English entities, superlatives, imperatives): for tests and bad-input guards. */
  noNlp?: boolean;
  /** compromise's analysis of the sentence's pieces, when the caller ran it already (to yield between pieces). */
  english?: readonly { start: number; analysis: EnglishAnalysis }[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
function inside(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start >= b.start && a.end <= b.end;
}

/** The cues in one sentence (offsets into `sentence`), sorted by position. */
export function extractCues(sentence: string, language: Language, options: ExtractOptions = {}): Cue[] {
  const text = normaliseDigits(sentence);
  const cues: Cue[] = [];
  const add = (cue: CueName, m: { start: number; end: number }, label: string, who?: string) => {
    // A wider match of the same cue replaces the narrower ones it contains ("2017" → "November 21, 2017").
    for (let k = cues.length - 1; k >= 0; k--) {
      const c = cues[k];
      if (c && c.cue === cue && inside(c, m) && (c.start !== m.start || c.end !== m.end)) cues.splice(k, 1);
    }
    if (cues.some((c) => c.cue === cue && overlaps(c, m))) return;
    cues.push(who === undefined ? { cue, label, start: m.start, end: m.end } : { cue, label, start: m.start, end: m.end, who });
  };
  const quote = (m: { start: number; end: number }) => `"${short(sentence.slice(m.start, m.end), 40)}"`;
  const each = (re: RegExp, fn: (m: { text: string; start: number; end: number }) => void) => {
    for (const m of matches(re, text)) fn(m);
  };

  const lang = language === 'en' ? EN : language === 'fa' ? FA : language === 'ar' ? AR : null;

  // Money and percentages first: a number inside one is not a separate reason (it still sets `number`).
  each(MONEY_ANY, (m) => add('money', m, `Money ${quote(m)}`));
  if (lang) each(lang.money, (m) => add('money', m, `Money ${quote(m)}`));
  each(PERCENT_ANY, (m) => add('percentage', m, `Percentage ${quote(m)}`));
  if (lang) each(lang.percentage, (m) => add('percentage', m, `Percentage ${quote(m)}`));

  each(DATE_ANY, (m) => add('date', m, `Date ${quote(m)}`));
  if (language === 'fa') each(PERSIAN_YEAR, (m) => add('date', m, `Date ${quote(m)}`));
  if (lang) {
    each(lang.months, (m) => add('date', m, `Date ${quote(m)}`));
    each(lang.dateWords, (m) => add('date', m, `Date ${quote(m)}`));
  }

  const covered = () => cues.filter((c) => c.cue === 'money' || c.cue === 'percentage' || c.cue === 'date');
  const numbers: { start: number; end: number }[] = [];
  each(NUMBER, (m) => numbers.push(m));
  if (lang) each(lang.numberWords, (m) => numbers.push(m));
  const wide = covered();
  let numberSeen = false;
  for (const m of numbers.sort((a, b) => a.start - b.start)) {
    numberSeen = true;
    if (!wide.some((c) => inside(m, c))) add('number', m, `Number ${quote(m)}`);
  }

  // English NLP (entities, superlatives, imperative), in bounded pieces.
  let entities: EntityMatch[] = [];
  if (language === 'en' && !options.noNlp) {
    const analysed = options.english ?? pieces(sentence).map((piece) => ({ start: piece.start, analysis: analyseEnglishPiece(piece.text, piece.start === 0) }));
    for (const piece of analysed) {
      const found = piece.analysis;
      entities = entities.concat(found.entities.map((e) => ({ ...e, start: e.start + piece.start, end: e.end + piece.start })));
      for (const s of found.superlatives) add('statistic', { start: s.start + piece.start, end: s.end + piece.start }, `Comparison "${short(s.text, 40)}"`);
      if (found.imperative) add('imperative', { start: 0, end: sentence.search(/\s|$/u) }, 'Imperative (lowers the score)');
    }
  }

  if (lang) {
    each(lang.statistic, (m) => add('statistic', m, `Comparison ${quote(m)}`));
    each(lang.causal, (m) => add('causal', m, `Causal ${quote(m)}`));
    each(lang.hedge, (m) => add('hedge', m, `Hedge or opinion ${quote(m)} (lowers the score)`));
    each(lang.firstPerson, (m) => add('firstPerson', m, `First person ${quote(m)} (lowers the score)`));
    each(lang.future, (m) => add('future', m, `Prediction or promise ${quote(m)} (lowers the score)`));
    const lead = /^[\s"'\u201C\u00AB(]*/u.exec(text)?.[0].length ?? 0;
    const imperative = lang.imperative.exec(text.slice(lead));
    if (imperative) add('imperative', { start: lead + imperative.index, end: lead + imperative.index + imperative[0].length }, `Imperative ${quote({ start: lead + imperative.index, end: lead + imperative.index + imperative[0].length })} (lowers the score)`);
    const attribution = (m: { text: string; start: number; end: number }, according: boolean) => {
      let who = language === 'en' ? englishWho(sentence, m, according, entities) : arabicScriptWho(sentence, m, according, language);
      // "وفقا للوزارة": the matched ل took the first letter of لل (ل + ال): "لوزارة" → "الوزارة".
      if (who && language === 'ar' && /ل$/u.test(m.text) && /^ل/u.test(who)) who = `ا${who}`;
      const label = who ? `Attribution to "${short(who, 50)}"` : `Attribution ${quote(m)}`;
      add('attribution', m, label, who);
    };
    each(lang.according, (m) => attribution(m, true));
    if (!cues.some((c) => c.cue === 'attribution')) {
      // The first verb of speaking; a match that is not one here ("self-declared", "the United States",
      // a verb inside a quotation) keeps the cue (the feature is unchanged) but names no speaker.
      const verbs = [...matches(lang.attributionVerbs, text)];
      const hidden = language === 'en' ? hiddenSpans(sentence) : [];
      const credible = language === 'en' ? verbs.find((v) => credibleEnglishVerb(sentence, v, entities, hidden)) : verbs[0];
      const first = verbs[0];
      if (credible) attribution(credible, false);
      else if (first) add('attribution', first, `Attribution ${quote(first)}`);
    }
  }

  for (const e of entities) {
    const kind = e.kind === 'organisation' ? 'the organisation' : e.kind === 'place' ? 'the place' : '';
    add('entity', e, `Names ${kind ? `${kind} ` : ''}"${short(e.text, 40)}"`);
  }
  for (const q of quotations(sentence)) {
    const inner = sentence.slice(q.start, q.end).replace(/^["\u201C\u00AB]|["\u201D\u00BB]$/gu, '');
    add('quotation', q, `Quotation "${short(inner, 40)}"`);
  }
  const question = questionSpan(sentence);
  if (question) add('question', question, 'Question (lowers the score)');

  if (numberSeen && !cues.some((c) => c.cue === 'number')) {
    // Every number sits inside money/percentage/date: keep the feature, no extra reason.
    cues.push({ cue: 'number', label: '', start: -1, end: -1 });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The feature vector of a sentence from its cues (binary) and its length. */
export function featuresOf(cues: readonly Cue[], sentence: string): FeatureVector {
  const features = Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
  for (const c of cues) features[c.cue] = 1;
  const wordCount = sentence.split(/\s+/u).filter(Boolean).length;
  features.length = Math.min(wordCount, 40) / 40;
  return features;
}

/** The reasons shown for a sentence: the cues with a label, offsets shifted by `offset`. */
export function reasonsOf(cues: readonly Cue[], offset: number): Reason[] {
  return cues
    .filter((c) => c.label !== '' && c.start >= 0)
    .map((c) => (c.who === undefined ? { cue: c.cue, label: c.label, start: c.start + offset, end: c.end + offset } : { cue: c.cue, label: c.label, start: c.start + offset, end: c.end + offset, who: c.who }));
}
