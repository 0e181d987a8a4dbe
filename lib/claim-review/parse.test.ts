import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstJsonErrorOffset, MAX_CLAIM_REVIEW_BYTES, MAX_CLAIM_REVIEWS, normaliseDate, parseClaimReviews, parseClaimReviewText, reviewIdentityUrl } from './parse';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

const review = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://checks.example.org/x',
  claimReviewed: 'The claim',
  ...over,
});

describe('parseClaimReviews: shapes', () => {
  it('keys a review by its URL without the fragment, scheme and host in lower case', () => {
    const { items } = parseClaimReviews([
      { '@type': 'ClaimReview', url: 'HTTPS://Checks.Example.org/review/1#top', claimReviewed: 'A claim' },
    ]);
    expect(items[0]?.url).toBe('https://checks.example.org/review/1');
    expect(reviewIdentityUrl('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  });

  it('reads a single ClaimReview with every field', () => {
    const result = parseClaimReviews(
      review({
        itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: ' Jane Doe ' }, datePublished: '2024-01-02T10:00:00Z', appearance: [{ '@type': 'CreativeWork', url: 'https://news.example.org/a' }] },
        author: { '@type': 'Organization', name: 'Checks', url: 'https://checks.example.org/' },
        reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
        datePublished: '2024-01-05',
        inLanguage: 'en',
      }),
    );
    expect(result.fatal).toBeNull();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.items).toEqual([
      {
        url: 'https://checks.example.org/x',
        claimReviewed: 'The claim',
        claimant: 'Jane Doe',
        claimDate: '2024-01-02',
        claimAppearance: 'https://news.example.org/a',
        reviewOrg: 'Checks',
        reviewOrgUrl: 'https://checks.example.org/',
        ratingName: 'False',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        reviewDate: '2024-01-05',
        language: 'en',
      },
    ]);
  });

  it('reads an array, @graph (skipping other node types), strings as numbers, claimant lists and firstAppearance', () => {
    const graph = parseClaimReviewText(fixture('graph.jsonld'));
    expect(graph.found).toBe(1);
    const [item] = graph.items;
    expect(item).toMatchObject({
      claimReviewed: 'The bridge cost $2 billion.',
      claimant: 'Mayor Example, City Hall',
      claimDate: '2024-03-03',
      claimAppearance: 'https://news.example.org/bridge',
      ratingName: 'Mostly false',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      language: 'en',
    });
    const array = parseClaimReviews([review({ url: 'https://a.example.org/1' }), review({ url: 'https://a.example.org/2' })]);
    expect(array.items.map((i) => i.url)).toEqual(['https://a.example.org/1', 'https://a.example.org/2']);
  });

  it('reads a DataFeed (direct and wrapped in item) and an ItemList', () => {
    const feed = parseClaimReviewText(fs.readFileSync(path.join(process.cwd(), 'fixtures', 'demo', 'claim-reviews.json'), 'utf8'));
    expect(feed.errors).toEqual([]);
    expect(feed.items.length).toBeGreaterThanOrEqual(4);
    expect(feed.items[0]!.claimant).toBe('Ali Khamenei');
    expect(feed.items.every((i) => new URL(i.url).hostname.endsWith('example.org'))).toBe(true);
    const list = parseClaimReviewText(fixture('item-list.json'));
    expect(list.items.map((i) => i.claimReviewed)).toEqual(['Claim one', 'Claim two']);
    expect(list.items[0]!.ratingName).toBe('True');
  });

  it('reads a Fact Check Tools claims:search response, one item per review', () => {
    const result = parseClaimReviewText(fixture('fact-check-tools.json'));
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toMatchObject({
      url: 'https://checks.example.org/crime-doubled',
      claimReviewed: 'Crime has doubled in the last two years.',
      claimant: 'Jane Example',
      claimDate: '2024-03-01',
      reviewOrg: 'Example Checks',
      reviewOrgUrl: 'https://checks.example.org',
      ratingName: 'False',
      reviewDate: '2024-03-04',
      language: 'en',
    });
    expect(result.items[1]).toMatchObject({ reviewOrg: 'Otro Verificador', ratingName: 'Falso', language: 'es' });
  });

  it('reads a Fact Check Tools pages listing', () => {
    const result = parseClaimReviews({
      claimReviewMarkupPages: [
        {
          pageUrl: 'https://checks.example.org/page',
          claimReviewAuthor: { name: 'Example Checks' },
          publishDate: '2024-02-02',
          claimReviewMarkups: [{ claimReviewed: 'A claim', claimAuthor: { name: 'Someone' }, rating: { textualRating: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 } }],
        },
      ],
    });
    expect(result.items).toEqual([expect.objectContaining({ url: 'https://checks.example.org/page', claimant: 'Someone', reviewOrg: 'Example Checks', ratingValue: 5, reviewDate: '2024-02-02' })]);
  });

  it('keeps the later of two items with the same URL, with a warning', () => {
    const result = parseClaimReviews([review({ claimReviewed: 'first' }), review({ claimReviewed: 'second' })]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.claimReviewed).toBe('second');
    expect(result.itemIndexes).toEqual([1]);
    expect(result.warnings[0]!.message).toMatch(/same url/);
  });
});

describe('parseClaimReviews: bad and hostile input', () => {
  it('refuses javascript:, data: and relative URLs, missing claims and wrong types, naming each item', () => {
    const result = parseClaimReviewText(fixture('hostile.json'));
    expect(result.fatal).toBeNull();
    expect(result.found).toBe(6);
    const byIndex = (i: number) => result.errors.filter((e) => e.index === i).map((e) => e.message);
    expect(byIndex(0).join()).toMatch(/^Item 1 \(“Script URL”\): The url must be a full web address starting with http:\/\/ or https:\/\/\. \(“javascript:alert/);
    expect(byIndex(1).join()).toMatch(/Item 2 .*http/);
    expect(byIndex(2).join()).toMatch(/Item 3 \(“Relative URL”\).*http/);
    expect(byIndex(3).join()).toMatch(/Item 4: The ClaimReview has no claimReviewed/);
    expect(byIndex(4)).toHaveLength(2);
    // The last one is valid: HTML stays text, bad optional fields are dropped with warnings.
    expect(result.items).toHaveLength(1);
    expect(result.itemIndexes).toEqual([5]);
    const [item] = result.items;
    expect(item!.claimReviewed).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(item!.claimant).toBe('');
    expect(item!.claimDate).toBeNull();
    expect(item!.claimAppearance).toBeNull();
    expect(item!.ratingValue).toBeNull();
    expect(item!.bestRating).toBeNull();
    const warned = result.warnings.filter((w) => w.index === 5).map((w) => w.path);
    expect(warned).toEqual(expect.arrayContaining(['itemReviewed.datePublished', 'itemReviewed.appearance', 'reviewRating.ratingValue', 'reviewRating.bestRating']));
    // __proto__ in the JSON never reached a prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never reads inherited properties (constructor, toString) as fields', () => {
    const result = parseClaimReviews({ '@type': 'ClaimReview', claimReviewed: 'x' });
    expect(result.items).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/no url/);
  });

  it('gives a clear message for anything that holds no ClaimReview', () => {
    for (const input of [null, 42, 'text', [], {}, { '@type': 'NewsArticle', headline: 'x' }, [1, 2, 3]]) {
      const result = parseClaimReviews(input);
      expect(result.fatal).toMatch(/No ClaimReview found/);
      expect(result.items).toEqual([]);
    }
  });

  it('reports invalid JSON with its line and column, and empty input', () => {
    const result = parseClaimReviewText('{\n  "@type": "ClaimReview",\n  "url": oops\n}');
    expect(result.fatal).toMatch(/not valid JSON \(line 3, column \d+\)/);
    expect(parseClaimReviewText('   ').fatal).toMatch(/nothing was given/);
  });

  it('refuses text over 2 MB before parsing it (a 10 MB file)', () => {
    const big = `[${'"x",'.repeat((10 * 1024 * 1024) / 4)}"x"]`;
    const result = parseClaimReviewText(big);
    expect(result.fatal).toMatch(/at most 2\.0 MB/);
    const justOver = 'x'.repeat(MAX_CLAIM_REVIEW_BYTES + 1);
    expect(parseClaimReviewText(justOver).fatal).toMatch(/at most/);
  });

  it('counts bytes, not characters (multi-byte text just under 2 MB in characters)', () => {
    const text = 'ش'.repeat(MAX_CLAIM_REVIEW_BYTES / 2 + 10);
    expect(parseClaimReviewText(text).fatal).toMatch(/at most/);
  });

  it('survives deep nesting without throwing', () => {
    let deep: unknown = review();
    for (let i = 0; i < 5000; i += 1) deep = { '@graph': [deep] };
    const result = parseClaimReviews(deep);
    expect(result.items).toEqual([]);
    expect(result.fatal).toBeTruthy();
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseClaimReviewText(text)).not.toThrow();
    // A ClaimReview nested a few levels down is still found.
    expect(parseClaimReviews({ '@graph': [{ '@type': 'DataFeed', dataFeedElement: [{ item: review() }] }] }).items).toHaveLength(1);
  });

  it('refuses more than the most ClaimReviews one import takes', () => {
    const many = Array.from({ length: MAX_CLAIM_REVIEWS + 1 }, (_, i) => review({ url: `https://a.example.org/${i}` }));
    expect(parseClaimReviews(many).fatal).toMatch(/more than 2000/);
  });

  it('trims, strips control characters and caps long strings with a warning', () => {
    const result = parseClaimReviews(review({ claimReviewed: `  a\u0000b\u0007c ${'y'.repeat(3000)} `, author: { name: 'z'.repeat(400) } }));
    const [item] = result.items;
    expect(item!.claimReviewed.startsWith('a b c y')).toBe(true);
    expect(Array.from(item!.claimReviewed)).toHaveLength(2000);
    expect(item!.reviewOrg).toHaveLength(300);
    expect(result.warnings.map((w) => w.path)).toEqual(['claimReviewed', 'author.name']);
  });

  it('treats whitespace-only claims as missing and non-finite numbers as absent', () => {
    const result = parseClaimReviews([review({ claimReviewed: '   ' }), review({ url: 'https://a.example.org/n', reviewRating: { ratingValue: '1e999' } })]);
    expect(result.errors[0]!.message).toMatch(/no claimReviewed/);
    expect(result.items[0]!.ratingValue).toBeNull();
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024-02-30', null],
    ['2017-11-22T10:00:00+03:30', '2017-11-22'],
    ['November 22, 2017', '2017-11-22'],
    ['yesterday', null],
    ['12', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('firstJsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', null],
    ['[1, "x", {"b": [true, null]}]', null],
    ['{"a": oops}', 6],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['{"a": 1', 7],
    ['"\\x"', 1],
    ['{"a": 1} x', 9],
  ])('%s → %s', (input, expected) => {
    expect(firstJsonErrorOffset(input)).toBe(expected);
  });
});
