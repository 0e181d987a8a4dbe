import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@/test/fixtures/anchoring';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseSearchQuery, toFts5Match, toTrigramMatch, toTsQuery, trigramClauses } from './query';

describe('parseSearchQuery', () => {
  it('reads words, phrases, prefixes, exclusions and OR', () => {
    const q = parseSearchQuery('inflation "forty percent" infla* -tehran -"state media" budget OR deficit');
    expect(q.clauses).toEqual([
      [{ text: 'inflation', phrase: false, prefix: false }],
      [{ text: 'forty percent', phrase: true, prefix: false }],
      [{ text: 'infla', phrase: false, prefix: true }],
      [
        { text: 'budget', phrase: false, prefix: false },
        { text: 'deficit', phrase: false, prefix: false },
      ],
    ]);
    expect(q.exclusions).toEqual([
      { text: 'tehran', phrase: false, prefix: false },
      { text: 'state media', phrase: true, prefix: false },
    ]);
    expect(q.notice).toBeUndefined();
    expect(q.empty).toBe(false);
    expect(q.text).toBe('inflation "forty percent" infla* budget OR deficit -tehran -"state media"');
  });

  it('keeps words of any script and inner punctuation', () => {
    expect(parseSearchQuery('تورم رئیس‌جمهور covid-19 U.S.').clauses.map((c) => c[0]!.text)).toEqual(['تورم', 'رئیس‌جمهور', 'covid-19', 'U.S.']);
  });

  it.each([
    ['', undefined],
    ['   ', undefined],
    ['"', /Unbalanced quote/],
    ['((', /Ignored "\("/],
    ['^', /Ignored "\^"/],
    ['*', /no letters or digits/],
    ['-', /lone "-"/],
    ['OR', /OR/],
    ['AND NOT', /not an operator/],
    ['-inflation', /exclusions alone/],
    ['-"a b" -c', /exclusions alone/],
    ['""', undefined],
    ['"  !!  "', /Ignored|without words/],
  ])('sanitises %j to nothing to search', (input, notice) => {
    const q = parseSearchQuery(input);
    expect(q.empty).toBe(true);
    expect(toFts5Match(q)).toBeNull();
    expect(toTrigramMatch(q)).toBeNull();
    expect(toTsQuery(q)).toBeNull();
    if (notice) expect(q.notice).toMatch(notice);
  });

  it.each([
    ['body:inflation', 'body inflation', /Ignored ":"/],
    ['{body}: inflation', 'body inflation', /Ignored/],
    ['inflation^2', 'inflation 2', /\^/],
    ['"inflation', 'inflation', /Unbalanced quote/],
    ['NEAR(a b)', 'a b', /NEAR/],
    ['a OR', 'a', /OR/],
    ['(inflation OR deflation)', 'inflation OR deflation', /Ignored/],
    ['inflation "unclosed', 'inflation unclosed', /Unbalanced/],
    ['a AND b', 'a b', /AND/],
    ['- spaced', 'spaced', /lone/],
    ['OR inflation', 'inflation', /OR/],
    ['inflation OR -x', 'inflation -x', /OR/],
  ])('sanitises %j to %j with a notice', (input, text, notice) => {
    const q = parseSearchQuery(input);
    expect(q.text).toBe(text);
    expect(q.notice).toMatch(notice);
  });

  it('caps the length and the number of terms, and survives 10 KB and non-strings', () => {
    const long = parseSearchQuery('word '.repeat(2000));
    expect(long.notice).toMatch(new RegExp(`first ${MAX_QUERY_LENGTH} characters`));
    const many = parseSearchQuery(Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '));
    expect(many.clauses).toHaveLength(MAX_QUERY_TERMS);
    expect(many.notice).toMatch(new RegExp(`first ${MAX_QUERY_TERMS} terms`));
    expect(parseSearchQuery('x'.repeat(10_000)).clauses[0]![0]!.text).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseSearchQuery(undefined).empty).toBe(true);
    expect(parseSearchQuery(42).empty).toBe(true);
    expect(parseSearchQuery('a\u0000b\u0002c').text).toBe('a b c');
  });

  it('removes duplicate terms', () => {
    expect(parseSearchQuery('tax Tax tax -x -x').text).toBe('tax -x');
  });
});

describe('toFts5Match', () => {
  it('quotes every term as an FTS5 string', () => {
    expect(toFts5Match(parseSearchQuery('a "b c" dd* -e x OR y'))).toBe('("a" AND "b c" AND "dd" * AND ("x" OR "y")) NOT ("e")');
    expect(toFts5Match(parseSearchQuery('say "NOT" and OR'))).toBe('"say" AND "NOT" AND "and"');
    expect(toFts5Match(parseSearchQuery('don\'t say "he said ""no"""'))).toBe('"don\'t" AND "say" AND "he said" AND "no"');
  });

  it('leaves short terms out of the trigram match', () => {
    expect(toTrigramMatch(parseSearchQuery('an inflation'))).toBe('"inflation"');
    expect(toTrigramMatch(parseSearchQuery('an'))).toBeNull();
    expect(toTrigramMatch(parseSearchQuery('inflation -ab'))).toBeNull();
    expect(trigramClauses(parseSearchQuery('تورم OR تضخم'))).toEqual([['تورم', 'تضخم']]);
  });
});

describe('short prefixes', () => {
  it('searches a one-character prefix as a word, with a notice', () => {
    const parsed = parseSearchQuery('a* ta*');
    expect(parsed.clauses.flat().map((t) => [t.text, t.prefix])).toEqual([
      ['a', false],
      ['ta', true],
    ]);
    expect(parsed.notice).toContain('too short for a prefix search');
    expect(parseSearchQuery('ت*').clauses.flat()[0]?.prefix).toBe(false);
  });
});

describe('toTsQuery', () => {
  it('builds from bound pieces, lexemes of letters and digits only', () => {
    const query = toTsQuery(parseSearchQuery('"forty percent" infla* -tehran'));
    expect(query).not.toBeNull();
    const chunks = JSON.stringify(query);
    expect(chunks).toContain("phraseto_tsquery('simple', ");
    expect(chunks).toContain("'infla':*");
    expect(chunks).toContain('!!');
    // A prefix term with quotes or backslashes cannot reach to_tsquery's syntax.
    expect(JSON.stringify(toTsQuery(parseSearchQuery("o'brien* x")))).toContain("'o' <-> 'brien':*");
  });
});

describe('FTS5 never sees syntax (real SQLite)', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE words USING fts5(body, tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE tri USING fts5(body, tokenize='trigram remove_diacritics 1');`);
    const rows = ['Inflation rose to forty percent', 'رئیس‌جمهور گفت تورم چهل درصد است', 'والتضخم بلغ أربعين', 'covid-19 "quoted" text (with) NEAR: stuff*'];
    for (const body of rows) {
      db.prepare('INSERT INTO words(body) VALUES (?)').run(body);
      db.prepare('INSERT INTO tri(body) VALUES (?)').run(body);
    }
  });
  afterAll(() => db.close());

  const run = (input: string) => {
    const parsed = parseSearchQuery(input);
    const match = toFts5Match(parsed);
    const trigram = toTrigramMatch(parsed);
    const words = match ? (db.prepare('SELECT rowid FROM words WHERE words MATCH ? ORDER BY rank').all(match) as unknown[]) : [];
    if (trigram) db.prepare('SELECT rowid FROM tri WHERE tri MATCH ? ORDER BY rank').all(trigram);
    return words.length;
  };

  it('matches what it should', () => {
    expect(run('inflation')).toBe(1);
    expect(run('"forty percent"')).toBe(1);
    expect(run('infla*')).toBe(1);
    expect(run('inflation -forty')).toBe(0);
    expect(run('تورم')).toBe(1);
    expect(run('covid-19')).toBe(1);
    expect(run('NEAR: stuff*')).toBe(1);
  });

  it('never throws on random punctuation, operators and scripts', () => {
    const random = seededRandom(14);
    const alphabet = ['"', "'", '(', ')', '*', '-', '^', ':', '+', '{', '}', '[', ']', ' ', ' ', ' ', 'NEAR', 'OR', 'AND', 'NOT', 'a', 'inflation', 'تورم', '\\', '.', ',', '\u0000', '\u0002', 'é', '%', '_', '|', '&', '!', '<', '>', '~', 'body', 'rank', '\t', '\n'];
    for (let i = 0; i < 2000; i += 1) {
      const length = 1 + Math.floor(random() * 14);
      let input = '';
      for (let j = 0; j < length; j += 1) input += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => run(input), input).not.toThrow();
    }
  });
});
