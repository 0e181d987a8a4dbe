/**
 * The English part that needs a part-of-speech tagger: named people, organisations and places,
 * superlatives, and imperatives, from compromise (offline, pure JS). compromise is called on at
 * most NLP_PIECE_CHARS characters at a time (its cost grows with the input; ~10 µs a character),
 * so no single call holds the event loop for long.
 */
import nlp from 'compromise';

export const NLP_PIECE_CHARS = 300;

export interface EntityMatch {
  kind: 'person' | 'organisation' | 'place';
  text: string;
  start: number;
  end: number;
}

export interface EnglishAnalysis {
  entities: EntityMatch[];
  superlatives: { text: string; start: number; end: number }[];
  imperative: boolean;
}

interface OffsetJson {
  text: string;
  offset?: { start: number; length: number };
}

const TITLES = 'Mayor|President|Prime Minister|Minister|Councillor|Councilor|Senator|Governor|Dr|Mr|Mrs|Ms|Prof|General|Gen|Judge|Chief|Ayatollah|Sheikh|King|Queen|Prince';
const TITLE = new RegExp(`^(?:${TITLES})\\.?\\s+\\p{Lu}`, 'u');
const TITLE_PREFIX = new RegExp(`^(?:(?:${TITLES})\\.?\\s+)+(?=\\p{Lu})`, 'u');

/** "President Barack Obama" → "Barack Obama" (the claimant's name without the office). */
export function withoutTitle(name: string): string {
  const bare = name.replace(TITLE_PREFIX, '');
  return bare || name;
}
const TRAILING = /[\s.,;:!?"'\u201D\u2019\u00BB)\]]+$/u;
const LEADING = /^[\s"'\u201C\u2018\u00AB(\[]+/u;

/**
 * Groups and organisations compromise tags as places ("Islamic State"): the label says organisation.
 * Only the label changes (the entity cue is the same), so the feature vector does not.
 */
const KNOWN_ORGANISATIONS = /^(?:(?:the\s+)?Islamic State|ISIS|ISIL|Daesh|Hezbollah|Hamas|Taliban|al-Qaeda|Al-Qaeda|al-Qaida|Al Qaeda|Boko Haram|al-Shabaab|Houthis?|IRGC|Quds Force|Qods Force|Revolutionary Guards?|Islamic Revolutionary Guard Corps|Muslim Brotherhood|Kremlin|Pentagon|NATO|United Nations|UN|European Union|EU|World Bank|IMF|Red Cross|Red Crescent|IRNA|Fars|Tasnim|Reuters|AFP|BBC)$/u;
const ORGANISATION_HEAD = /\s(?:Force|Forces|Guards?|Corps|Army|Party|Front|Council|Ministry|Agency|Organi[sz]ation|Union|Bank|Fund|Company|Corporation|Group|Committee|Commission|Court|Parliament|Assembly|Police|Brigades?|Movement|Institute|University|Association|Federation|Foundation)$/u;

function kindOf(kind: EntityMatch['kind'], text: string): EntityMatch['kind'] {
  // compromise sometimes tags "Mayor Elena Marsh" as a place: a leading title makes it a person.
  if (kind !== 'person' && TITLE.test(text)) return 'person';
  if (kind === 'place' && (KNOWN_ORGANISATIONS.test(text) || ORGANISATION_HEAD.test(text))) return 'organisation';
  return kind;
}

/** Finds `found` (compromise's text, maybe with punctuation) in `piece` near `hint`. */
function locate(piece: string, found: string, hint: number): { text: string; start: number; end: number } | null {
  const clean = found.replace(LEADING, '').replace(TRAILING, '').replace(/[\u2019']s$/u, '').replace(/^(?:the|a|an)\s+/iu, '');
  if (!clean) return null;
  let at = piece.indexOf(clean, Math.max(0, hint - 2));
  if (at < 0) at = piece.indexOf(clean);
  return at < 0 ? null : { text: clean, start: at, end: at + clean.length };
}

/** Pieces of at most `size` characters, cut at whitespace where possible. */
export function pieces(text: string, size = NLP_PIECE_CHARS): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + size / 2) to = space;
    }
    out.push({ start: from, text: text.slice(from, to) });
    from = to;
  }
  return out;
}

/** Analyses one piece (≤ NLP_PIECE_CHARS) of a sentence; offsets relative to the piece. */
export function analyseEnglishPiece(piece: string, isSentenceStart: boolean): EnglishAnalysis {
  const doc = nlp(piece);
  const entities: EntityMatch[] = [];
  const add = (kind: EntityMatch['kind'], list: OffsetJson[]) => {
    for (const item of list) {
      const at = locate(piece, item.text, item.offset?.start ?? 0);
      if (!at || !/\p{Lu}/u.test(at.text) || entities.some((e) => e.start < at.end && at.start < e.end)) continue;
      entities.push({ kind: kindOf(kind, at.text), ...at });
    }
  };
  add('person', doc.people().json({ offset: true }) as OffsetJson[]);
  add('organisation', doc.organizations().json({ offset: true }) as OffsetJson[]);
  add('place', doc.places().json({ offset: true }) as OffsetJson[]);
  const superlatives: EnglishAnalysis['superlatives'] = [];
  for (const item of doc.match('#Superlative').json({ offset: true }) as OffsetJson[]) {
    const at = locate(piece, item.text, item.offset?.start ?? 0);
    if (at) superlatives.push(at);
  }
  const imperative = isSentenceStart && (doc.has('^#Imperative') || doc.has('^please'));
  entities.sort((a, b) => a.start - b.start);
  return { entities, superlatives, imperative };
}

/**
 * compromise builds its lexicon on the first call (~80 ms on a busy 2-core machine, after ~0.7 s
 * to load the module). A server should call this once at start-up, so the first scoring slice of
 * a background job does not carry that cost.
 */
export function warmUpEnglish(): void {
  analyseEnglishPiece('Mr. Smith said the council spent $5 million in Paris.', true);
}
