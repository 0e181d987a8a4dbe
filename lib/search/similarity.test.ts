import { describe, expect, it } from 'vitest';
import { asciiDigits, claimFeatures, compareClaims, extractFigures, foldText, lookupTerms, rankSimilar, SIMILARITY_THRESHOLD, stem } from './similarity';

const score = (a: string, b: string) => compareClaims(claimFeatures(a), claimFeatures(b));

describe('normalisation', () => {
  it('turns Persian and Arabic digits into ASCII', () => {
    expect(asciiDigits('۴۰ درصد و ٣٠٪ و ۱٫۵')).toBe('40 درصد و 30% و 1.5');
  });
  it('folds case, accents and Arabic-script letter variants', () => {
    expect(foldText('Raïsi ÉLYSÉE')).toBe('raisi elysee');
    expect(foldText('علي')).toBe(foldText('علی'));
    expect(foldText('كتاب')).toBe(foldText('کتاب'));
    expect(foldText('می‌گوید')).toBe('می گوید');
  });
  it('stems English lightly so inflections meet', () => {
    expect(stem('prices')).toBe(stem('price'));
    expect(stem('rising')).toBe(stem('rise'));
    expect(stem('doubled')).toBe(stem('double'));
    expect(stem('countries')).toBe(stem('country'));
    expect(stem('is')).toBe('is');
  });
});

describe('extractFigures', () => {
  const shown = (text: string) => extractFigures(text).map((f) => f.display);
  it('reads percentages written in any way as one figure', () => {
    expect(shown('Inflation hit 40 percent')).toEqual(['40%']);
    expect(shown('Inflation hit 40%')).toEqual(['40%']);
    expect(shown('Inflation hit forty per cent')).toEqual(['40%']);
    expect(shown('تورم به ۴۰ درصد رسید')).toEqual(['40%']);
    expect(shown('forty-two percent')).toEqual(['42%']);
  });
  it('applies multipliers and currencies', () => {
    expect(extractFigures('1.5 million people')[0]!.value).toBe(1_500_000);
    expect(shown('a $412 million budget')).toEqual(['$412,000,000']);
    expect(shown('2,500 jobs')).toEqual(['2,500']);
    expect(extractFigures('۳ میلیون نفر')[0]!.value).toBe(3_000_000);
  });
  it('keeps years and ignores a pronoun "one"', () => {
    expect(shown('the one who said so in 2011')).toEqual(['2011']);
  });
});

describe('claimFeatures', () => {
  it('finds content words, entities not at a sentence start, and acronyms', () => {
    const f = claimFeatures('The United States created the Islamic State, said Ali Khamenei of IRNA.');
    expect(f.words).toContain(stem('created'));
    expect(f.words).not.toContain('the');
    expect(f.entities).toEqual(expect.arrayContaining(['usa', 'isis', 'ali', 'khamenei', 'irna']));
    expect(f.entitySurface.get('khamenei')).toBe('Khamenei');
    expect(claimFeatures('They said U.S.-backed forces won').entities).toEqual(['usa']);
  });
  it('drops Persian and Arabic stop words', () => {
    expect(claimFeatures('آمریکا داعش را ایجاد کرد و این گروه را حمایت کرد').words).not.toContain('را');
    expect(claimFeatures('الولایات المتحدة أنشأت داعش في العراق').words).not.toContain('فی');
  });
  it('survives bad input: empty, punctuation only, huge, not a string', () => {
    expect(claimFeatures('').words).toEqual([]);
    expect(claimFeatures('?!… — ,;:()"').words).toEqual([]);
    expect(claimFeatures(undefined as unknown as string).words).toEqual([]);
    const huge = 'inflation reached forty percent '.repeat(100_000);
    const started = performance.now();
    const f = claimFeatures(huge);
    expect(f.words.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(score('', '').score).toBe(0);
    expect(score('!!!', 'inflation is 40%').score).toBe(0);
  });
});

describe('lookupTerms', () => {
  it('gives plain tokens safe to quote, longest first, and the figures’ digits', () => {
    const terms = lookupTerms('Inflation "hit" 40% under Raisi — AND OR NOT * ( ) NEAR');
    expect(terms.words[0]).toBe('inflation');
    expect(terms.words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
    expect(terms.numbers).toEqual(['40']);
  });
  it('lists Arabic-script words for the trigram index', () => {
    expect(lookupTerms('تورم در ایران به چهل درصد رسید').arabicScriptWords).toContain('تورم');
  });
});

describe('compareClaims', () => {
  it('explains a match in words', () => {
    const r = score('Inflation reached 40% under President Raisi', 'Under Raisi inflation hit forty per cent');
    expect(r.reasons.join(' | ')).toMatch(/‘inflation’/i);
    expect(r.reasons.join(' | ')).toMatch(/Raisi/);
    expect(r.reasons).toContain('same figure 40%');
  });
  it('marks the same claim with a different figure and scores it lower', () => {
    const same = score('Inflation reached 40% under President Raisi', 'Inflation reached 40 percent under President Raisi');
    const different = score('Inflation reached 40% under President Raisi', 'Inflation reached 30% under President Raisi');
    expect(different.reasons).toContain('different figure: 40% vs 30%');
    expect(different.score).toBeLessThan(same.score);
  });
  it('keeps claims about the same actors that say different things apart from restatements', () => {
    const restated = score('The United States created ISIS', 'America created the Islamic State');
    const different = score('The United States created ISIS', 'The United States bombed ISIS in Syria');
    expect(restated.score).toBeGreaterThan(different.score);
  });
  it('is between 0 and 1 and 1 for identical statements', () => {
    const r = score('The US created ISIS.', 'The US created ISIS.');
    expect(r.score).toBeGreaterThan(0.95);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  // A small labelled set: pairs that say the same thing, and pairs that do not.
  const SAME: Array<[string, string]> = [
    ['The United States and other Western countries created the Islamic State (IS).', 'Khamenei says America created ISIS and the West supported it'],
    ['U.S.-backed Syrian armed groups liberated Raqqa, the capital of IS', 'US-backed Syrian Democratic Forces captured Raqqa, the self-declared IS capital'],
    ['Syria’s civil war has been raging since 2011, when protests against Assad began', 'The civil war in Syria began in 2011 with protests against Assad'],
    ['Unemployment fell to 5 percent last year', 'Last year unemployment dropped to five per cent'],
    ['The council approved a $412 million budget', 'Council approves $412m budget'],
    ['آمریکا داعش را ایجاد کرد', 'داعش را آمریکا ایجاد کرده است'],
    ['تورم به ۴۰ درصد رسید', 'نرخ تورم به 40 درصد رسیده است'],
  ];
  const DIFFERENT: Array<[string, string]> = [
    ['The United States created the Islamic State', 'Raqqa fell to the Syrian Democratic Forces in October 2017'],
    ['Unemployment fell to 5 percent last year', 'The council approved a $412 million budget'],
    ['Iran only sent military advisers to Syria', 'Saudi Arabia created IS'],
    ['آمریکا داعش را ایجاد کرد', 'تورم به ۴۰ درصد رسید'],
    ['Abu Kamal is the last stronghold of IS', 'Bread prices doubled in Tehran'],
  ];
  it.each(SAME)('same: %s ~ %s', (a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });
  it.each(DIFFERENT)('different: %s ≁ %s', (a, b) => {
    expect(score(a, b).score).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('rankSimilar', () => {
  it('puts the restatement first and drops the unrelated', () => {
    const ranked = rankSimilar('The United States created ISIS', [
      { text: 'Bread prices doubled in Tehran', item: 'bread' },
      { text: 'Iran says the United States created the Islamic State group ISIS', item: 'restated' },
      { text: 'The United States bombed ISIS in Syria', item: 'related' },
    ]);
    expect(ranked[0]?.item).toBe('restated');
    expect(ranked.map((r) => r.item)).not.toContain('bread');
  });
  it('returns nothing for a statement with no content', () => {
    expect(rankSimilar('the of and', [{ text: 'the of and', item: 1 }])).toEqual([]);
  });
});
