/**
 * Deterministic newsroom text for bench/search.ts: article bodies, claims, sources, comments,
 * reviewer reasons and rationales built from a vocabulary of names, places, numbers, percentages,
 * verbs and topic words (some articles in Persian), plus a long Zipf-distributed tail of made-up
 * words so the index sees a realistic spread of common and rare terms. Recurring "facts" (the same
 * person saying the same thing about the same place) come back in many articles with different
 * wording: what "Already checked?" is for. Pure; no database.
 */

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

const FIRST = ['Maria', 'Ahmed', 'John', 'Sara', 'Wei', 'Olga', 'Carlos', 'Amina', 'David', 'Leila', 'Peter', 'Fatima', 'Hans', 'Yuki', 'Ivan', 'Grace', 'Omar', 'Elena', 'Tom', 'Nadia', 'Lucas', 'Priya', 'Samuel', 'Ingrid', 'Kofi', 'Mina', 'Jorge', 'Hana', 'Viktor', 'Chloe'];
const LAST = ['Keller', 'Hosseini', 'Okafor', 'Lindqvist', 'Moreau', 'Novak', 'Tanaka', 'Rahimi', 'Schmidt', 'Costa', 'Petrov', 'Mensah', 'Walsh', 'Haddad', 'Kowalski', 'Duarte', 'Brennan', 'Sato', 'Yilmaz', 'Adeyemi', 'Fischer', 'Jansen', 'Karimi', 'Ortega', 'Murphy', 'Nakamura', 'Bauer', 'Silva', 'Dubois', 'Mazur'];
const ROLES = ['minister of finance', 'mayor', 'health minister', 'opposition leader', 'governor', 'prime minister', 'union leader', 'central bank governor', 'senator', 'party spokesperson', 'education minister', 'police chief'];
export const PLACES = ['Springfield', 'Lagos', 'Berlin', 'Tehran', 'Lisbon', 'Manila', 'Quito', 'Nairobi', 'Oslo', 'Krakow', 'Osaka', 'Tbilisi', 'Accra', 'Porto', 'Dublin', 'Lyon', 'Izmir', 'Mashhad', 'Tabriz', 'Hamburg', 'Valencia', 'Cork', 'Gdansk', 'Kyoto', 'Bergen', 'Kumasi', 'Mombasa', 'Cebu', 'Cuenca', 'Batumi', 'the capital', 'the north', 'the coastal province', 'the river valley', 'the eastern districts'];
const REGIONS = ['Europe', 'Africa', 'Asia', 'the region', 'the country', 'the continent', 'the union'];
export const TOPICS = ['unemployment', 'inflation', 'the budget deficit', 'exports', 'hospital waiting times', 'school funding', 'violent crime', 'vaccination rates', 'housing prices', 'carbon emissions', 'pension spending', 'income tax', 'tariffs', 'asylum applications', 'minimum wages', 'electricity prices', 'water shortages', 'road deaths', 'police numbers', 'public debt', 'rent', 'youth unemployment', 'food prices', 'broadband coverage', 'teacher salaries', 'bus fares', 'air pollution', 'plastic recycling', 'tourism revenue', 'defence spending'];
const VERBS_UP = ['rose', 'doubled', 'tripled', 'climbed', 'increased', 'jumped', 'soared'];
const VERBS_DOWN = ['fell', 'halved', 'dropped', 'declined', 'decreased', 'plunged', 'shrank'];
const SAYS = ['said', 'claimed', 'told reporters', 'wrote on social media', 'insisted', 'argued', 'told parliament', 'said in a speech'];
const ORGS = ['national statistics office', 'central bank', 'health ministry', 'audit court', 'World Bank', 'IMF', 'OECD', 'city council', 'electoral commission', 'labour ministry'];
const OUTLETS = ['Daily Ledger', 'The Morning Post', 'Radio Farda', 'Coastal Herald', 'Metro News', 'The Observer', 'Evening Standard', 'Channel 7', 'Capital Times', 'Newswire'];
const DOMAINS = ['stats.gov.example', 'centralbank.example', 'who.int', 'data.worldbank.org', 'oecd.org', 'parliament.example', 'archive.org', 'reuters.com', 'imf.org', 'eurostat.example'];
const UNITS = ['million', 'billion', 'thousand'];
/** Function words and common newsroom words, most frequent first (drawn Zipf-like). */
const COMMON = 'the of and to in a that for on is was with as by at from it said has have be are this an not but which year government new more after its their than were been who about over last also people two first would percent will can when one other report since up three into official before could last while according data figures according under city country most some there these between only rate state minister during against public plan million police new law health'.split(' ');

/** A long tail of made-up words (syllable combinations), drawn Zipf-like: realistic term spread. */
function tail(): string[] {
  const a = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'del', 'bru', 'shi', 'nor', 'pel', 'quin', 'za', 'tor', 'vel', 'gri', 'mon', 'ste', 'fal', 'dro'];
  const b = ['ber', 'lan', 'tic', 'mor', 'ven', 'sil', 'dar', 'pon', 'kel', 'rit', 'gan', 'sol', 'mun', 'fen', 'tro', 'las', 'bin', 'cor', 'hel', 'vis'];
  const c = ['', 'a', 'o', 'er', 'ing', 'ed', 'ist', 'ure', 'ment', 'ous', 'ary', 'ity', 'ence', 'al', 'ive', 'ian', 'ism', 'age', 'ory', 'ful'];
  const words: string[] = [];
  for (const x of a) for (const y of b) for (const z of c) words.push(x + y + z);
  // Shuffle deterministically so the Zipf head is not all one prefix.
  const r = rng(7);
  for (let i = words.length - 1; i > 0; i -= 1) {
    const j = Math.floor(r() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words;
}
export const TAIL = tail();

/** Zipf(s≈1.05) index into a list of n, by inverse CDF on a precomputed table. */
function zipfSampler(n: number, s = 1.05): (r: Rand) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += 1 / (i + 1) ** s;
    cdf[i] = sum;
  }
  return (r) => {
    const x = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const commonIndex = zipfSampler(COMMON.length, 0.9);
const tailIndex = zipfSampler(TAIL.length, 1.05);

const FA_NAMES = ['علی رضایی', 'مریم احمدی', 'حسن روحانی', 'زهرا کریمی', 'محمد حسینی', 'نرگس محمدی', 'رضا قاسمی', 'سارا جعفری'];
const FA_PLACES = ['تهران', 'مشهد', 'تبریز', 'اصفهان', 'شیراز', 'اهواز', 'کرمان', 'رشت'];
const FA_TOPICS = ['تورم', 'بیکاری', 'صادرات', 'قیمت مسکن', 'بودجه', 'آلودگی هوا', 'قیمت برق', 'یارانه'];
const FA_FILLER = ['دولت', 'می‌خواهد', 'گزارش', 'وزیر', 'مردم', 'سال', 'گذشته', 'افزایش', 'کاهش', 'بر', 'اساس', 'آمار', 'رسمی', 'مجلس', 'اقتصاد', 'شهر', 'کشور', 'نشان', 'می‌دهد', 'که', 'در', 'از', 'به', 'این', 'با', 'است'];

/** A claim people keep making: the same person, topic, place and number, reworded per article. */
export interface Fact {
  name: string;
  role: string;
  topic: string;
  place: string;
  up: boolean;
  pct: number;
  year: number;
  persian: boolean;
}

export function makeFacts(r: Rand, count: number): Fact[] {
  const facts: Fact[] = [];
  for (let i = 0; i < count; i += 1) {
    const persian = i % 12 === 0;
    facts.push({
      name: persian ? pick(r, FA_NAMES) : `${pick(r, FIRST)} ${pick(r, LAST)}`,
      role: pick(r, ROLES),
      topic: persian ? pick(r, FA_TOPICS) : pick(r, TOPICS),
      place: persian ? pick(r, FA_PLACES) : pick(r, PLACES),
      up: r() < 0.5,
      pct: int(r, 1, 95) + (r() < 0.5 ? int(r, 1, 9) / 10 : 0),
      year: int(r, 2012, 2026),
      persian,
    });
  }
  return facts;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const faDigits = (s: string) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

/** One check-worthy sentence stating the fact, in one of several wordings. */
export function factSentence(r: Rand, f: Fact): string {
  if (f.persian) {
    const verb = f.up ? 'افزایش یافت' : 'کاهش یافت';
    const forms = [
      `${f.name} گفت که ${f.topic} در ${f.place} در سال ${faDigits(String(f.year))} ${faDigits(String(f.pct))} درصد ${verb}.`,
      `به گفته ${f.name}، ${f.topic} در ${f.place} ${faDigits(String(f.pct))} درصد ${verb}.`,
      `${f.name} مدعی شد ${f.topic} ${f.place} از سال ${faDigits(String(f.year))} ${verb}.`,
    ];
    return pick(r, forms);
  }
  const verb = pick(r, f.up ? VERBS_UP : VERBS_DOWN);
  const say = pick(r, SAYS);
  const forms = [
    `${f.name}, the ${f.role}, ${say} that ${f.topic} in ${f.place} ${verb} by ${f.pct}% in ${f.year}.`,
    `"${cap(f.topic)} ${verb} by ${f.pct} percent," ${f.name} ${say}, referring to ${f.place} in ${f.year}.`,
    `According to ${f.name}, ${f.topic} in ${f.place} ${verb} ${f.pct}% since ${f.year}.`,
    `${f.name} ${say} ${f.place} now has the ${f.up ? 'highest' : 'lowest'} ${f.topic} in ${pick(r, REGIONS)}, after a ${f.pct}% change in ${f.year}.`,
  ];
  return pick(r, forms);
}

/** The claim as a normalised statement (what a checker types in "Statement"). */
export function factStatement(f: Fact): string {
  if (f.persian) return `${f.topic} در ${f.place} ${faDigits(String(f.pct))} درصد ${f.up ? 'افزایش' : 'کاهش'} یافت (${faDigits(String(f.year))})`;
  return `${cap(f.topic)} in ${f.place} ${f.up ? 'rose' : 'fell'} by ${f.pct}% in ${f.year}`;
}

function wordsOf(r: Rand, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = r();
    if (x < 0.62) out.push(COMMON[commonIndex(r)]!);
    else if (x < 0.9) out.push(TAIL[tailIndex(r)]!);
    else if (x < 0.94) out.push(pick(r, TOPICS));
    else if (x < 0.97) out.push(pick(r, PLACES));
    else out.push(String(int(r, 2, 2026)));
  }
  return out.join(' ');
}

/** A sentence of background: common words and the long tail, sometimes a number or place. */
export function fillerSentence(r: Rand, persian = false): string {
  if (persian) {
    const n = int(r, 8, 16);
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) out.push(pick(r, FA_FILLER));
    return `${out.join(' ')}.`;
  }
  const kind = r();
  if (kind < 0.15) return `The ${pick(r, ORGS)} published ${pick(r, TOPICS)} figures for ${pick(r, PLACES)} on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.`;
  if (kind < 0.25) return `${cap(pick(r, TOPICS))} cost ${int(r, 2, 900)} ${pick(r, UNITS)} in ${int(r, 2010, 2026)}, ${wordsOf(r, int(r, 4, 9))}.`;
  return `${cap(wordsOf(r, int(r, 8, 20)))}.`;
}

export interface GeneratedClaim {
  quote: string;
  start: number;
  end: number;
  statement: string;
  claimant: string;
  fact: Fact | null;
}

export interface GeneratedArticle {
  title: string;
  outlet: string;
  byline: string;
  language: 'en' | 'fa';
  text: string;
  words: number;
  claims: GeneratedClaim[];
}

/**
 * An article of `minWords`–`maxWords` words in paragraphs of 3–6 sentences, with `claimCount`
 * check-worthy sentences (about a third from the recurring `facts`) whose offsets are returned.
 * Paragraphs are joined by a blank line: plainTextToDocJson gives one paragraph block each, and
 * jsonDocToText of that document is `text` itself.
 */
export function makeArticle(r: Rand, facts: readonly Fact[], opts: { minWords: number; maxWords: number; claimCount: number; persian?: boolean }): GeneratedArticle {
  const persian = opts.persian ?? false;
  const target = int(r, opts.minWords, opts.maxWords);
  const lead = pick(r, facts.filter((f) => f.persian === persian).length > 0 ? facts.filter((f) => f.persian === persian) : facts);
  // Which sentences are claims: spread over the article.
  const paragraphs: string[] = [];
  const claims: GeneratedClaim[] = [];
  let words = 0;
  let offset = 0;
  let paragraph: string[] = [];
  let paragraphText = '';
  let sentences = 0;
  const estimatedSentences = Math.max(opts.claimCount + 4, Math.round(target / 15));
  const claimEvery = estimatedSentences / opts.claimCount;
  let nextClaimAt = 0;
  while (words < target || claims.length < opts.claimCount) {
    const isClaim = claims.length < opts.claimCount && sentences >= nextClaimAt;
    let sentence: string;
    let fact: Fact | null = null;
    if (isClaim) {
      const recurring = r() < 0.35;
      fact = recurring ? (claims.length === 0 ? lead : pick(r, facts)) : makeFacts(r, 1)[0]!;
      if (fact.persian !== persian && !persian) fact = { ...fact, persian: false, name: `${pick(r, FIRST)} ${pick(r, LAST)}`, topic: pick(r, TOPICS), place: pick(r, PLACES) };
      if (persian && !fact.persian) fact = { ...fact, persian: true, name: pick(r, FA_NAMES), topic: pick(r, FA_TOPICS), place: pick(r, FA_PLACES) };
      sentence = factSentence(r, fact);
      nextClaimAt += claimEvery;
    } else {
      sentence = fillerSentence(r, persian);
    }
    const sep = paragraph.length > 0 ? ' ' : '';
    const start = offset + paragraphText.length + sep.length;
    paragraph.push(sentence);
    paragraphText += sep + sentence;
    if (fact) {
      const statement = r() < 0.4 ? factStatement(fact) : sentence;
      claims.push({ quote: sentence, start, end: start + sentence.length, statement, claimant: fact.name, fact });
    }
    words += sentence.split(' ').length;
    sentences += 1;
    if (paragraph.length >= int(r, 3, 6)) {
      paragraphs.push(paragraphText);
      offset += paragraphText.length + 2;
      paragraph = [];
      paragraphText = '';
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraphText);
  const title = persian ? `${lead.name}: ${lead.topic} در ${lead.place}` : `${lead.name} says ${lead.topic} ${lead.up ? 'rose' : 'fell'} in ${lead.place}`;
  return {
    title,
    outlet: pick(r, OUTLETS),
    byline: `${pick(r, FIRST)} ${pick(r, LAST)}`,
    language: persian ? 'fa' : 'en',
    text: paragraphs.join('\n\n'),
    words,
    claims,
  };
}

export function rationaleFor(r: Rand, c: GeneratedClaim): string {
  const org = pick(r, ORGS);
  if (c.fact?.persian) return `بر اساس آمار رسمی ${pick(r, FA_FILLER)} این ادعا درست نیست؛ ${c.fact.topic} در ${c.fact.place} تغییر کمتری داشت.`;
  const other = c.fact ? `${(c.fact.pct / 2).toFixed(1)}%` : `${int(r, 1, 60)}%`;
  return pick(r, [
    `Figures from the ${org} show the change was ${other}, not what ${c.claimant || 'the speaker'} said; ${wordsOf(r, 8)}.`,
    `The ${org} data for ${c.fact?.year ?? 2020} confirm the number; the comparison leaves out ${pick(r, TOPICS)}.`,
    `No source supports this figure. The ${org} told us it has not published ${c.fact?.topic ?? pick(r, TOPICS)} data since ${int(r, 2015, 2024)}.`,
  ]);
}

export function reviewerReason(r: Rand, c: GeneratedClaim): string {
  return pick(r, [
    `Checked the ${pick(r, ORGS)} tables: ${wordsOf(r, int(r, 5, 12))}.`,
    `${c.claimant || 'The speaker'} cherry-picks the base year; ${wordsOf(r, 6)}.`,
    `Matches the ${pick(r, ORGS)} release for ${c.fact?.year ?? 2021}.`,
  ]);
}

export function sourceFor(r: Rand, c: GeneratedClaim, n: number): { url: string; title: string; publisher: string; excerpt: string } {
  const domain = pick(r, DOMAINS);
  const org = pick(r, ORGS);
  const topic = c.fact?.topic ?? pick(r, TOPICS);
  return {
    url: `https://${domain}/reports/${c.fact?.year ?? 2020}/${n}`,
    title: `${cap(org)}: ${topic} ${c.fact?.year ?? ''}`.trim(),
    publisher: cap(org),
    excerpt: `${cap(topic)} ${c.fact?.up ? 'increased' : 'decreased'} by ${(c.fact?.pct ?? int(r, 1, 40)).toString()} percent, ${wordsOf(r, int(r, 6, 14))}.`,
  };
}

export function commentFor(r: Rand, c: GeneratedClaim): string {
  return pick(r, [
    `@${pick(r, FIRST)} can you check the ${pick(r, ORGS)} figures for ${c.fact?.year ?? 2022}?`,
    `Called the press office of ${c.claimant || 'the ministry'}; waiting for an answer.`,
    `Similar claim last month, see the ${c.fact?.place ?? pick(r, PLACES)} piece. ${wordsOf(r, 6)}.`,
  ]);
}

/** A 100,000-word article (the size issue 11 benches): paragraphs of ~80 words. */
export function makeBigText(r: Rand, words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    let w = 0;
    while (w < 80) {
      const s = fillerSentence(r);
      sentences.push(s);
      w += s.split(' ').length;
    }
    paragraphs.push(sentences.join(' '));
    count += w;
  }
  return paragraphs.join('\n\n');
}
