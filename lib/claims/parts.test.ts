import { describe, expect, it } from 'vitest';
import type { ClaimPart } from '@/lib/domain/claims';
import { ClaimPartsError, MAX_CLAIM_PARTS, combinedAnchorState, joinPartQuotes, parseClaimParts, partsColumns, readClaimParts, readClaimPartsOrColumns, sortParts, type ClaimPartsRow } from './parts';

const part = (exact: string, start: number, anchorState: ClaimPart['anchorState'] = 'anchored', prefix = '', suffix = ''): ClaimPart => ({
  quote: { exact, prefix, suffix },
  position: { start, end: start + exact.length },
  anchorState,
});

const singleRow: ClaimPartsRow = { quoteExact: 'rose 4%', quotePrefix: 'Prices ', quoteSuffix: ' in May', positionStart: 7, positionEnd: 14, anchorState: 'anchored', partsJson: null };

describe('readClaimParts', () => {
  it('reads a single-part claim from its columns', () => {
    expect(readClaimParts(singleRow)).toEqual([{ quote: { exact: 'rose 4%', prefix: 'Prices ', suffix: ' in May' }, position: { start: 7, end: 14 }, anchorState: 'anchored' }]);
    expect(readClaimParts({ ...singleRow, anchorState: 'orphaned' })[0]!.anchorState).toBe('orphaned');
  });

  it('round-trips every part of a multi-part claim through partsColumns', () => {
    const parts = [part('the mayor said', 0, 'anchored', '', ' that'), part('taxes fell', 40, 'orphaned', 'whether ', '.')];
    const columns = partsColumns(parts);
    expect(columns).toMatchObject({ quoteExact: 'the mayor said', quotePrefix: '', quoteSuffix: ' that', positionStart: 0, positionEnd: 14, anchorState: 'partial' });
    expect(JSON.parse(columns.partsJson!)).toEqual([
      { exact: 'the mayor said', prefix: '', suffix: ' that', start: 0, end: 14, state: 'anchored' },
      { exact: 'taxes fell', prefix: 'whether ', suffix: '.', start: 40, end: 50, state: 'orphaned' },
    ]);
    expect(readClaimParts(columns)).toEqual(parts);
  });

  it('stores one part as columns only (parts_json null)', () => {
    const columns = partsColumns([part('alone', 3, 'orphaned')]);
    expect(columns).toEqual({ quoteExact: 'alone', quotePrefix: '', quoteSuffix: '', positionStart: 3, positionEnd: 8, anchorState: 'orphaned', partsJson: null });
  });

  it.each([
    ['not JSON', '{oops', /parts_json is not valid JSON/],
    ['not an array', '{"exact":"x"}', /must be an array of parts/],
    ['one part', '[{"exact":"x","prefix":"","suffix":"","start":0,"end":1,"state":"anchored"}]', /at least 2 parts.*found 1/],
    ['a null part', '[null, null]', /part 1 is not an object/],
    ['a missing exact', '[{"prefix":"","suffix":"","start":0,"end":1,"state":"anchored"},{"exact":"y","prefix":"","suffix":"","start":2,"end":3,"state":"anchored"}]', /part 1 has no text "exact"/],
    ['a fractional start', '[{"exact":"x","prefix":"","suffix":"","start":0,"end":1,"state":"anchored"},{"exact":"y","prefix":"","suffix":"","start":2.5,"end":3,"state":"anchored"}]', /part 2 needs whole, non-negative "start" and "end"/],
    ['a reversed range', '[{"exact":"x","prefix":"","suffix":"","start":5,"end":1,"state":"anchored"},{"exact":"y","prefix":"","suffix":"","start":2,"end":3,"state":"anchored"}]', /part 1 is empty or reversed/],
    ['an unknown state', '[{"exact":"x","prefix":"","suffix":"","start":0,"end":1,"state":"partial"},{"exact":"y","prefix":"","suffix":"","start":2,"end":3,"state":"anchored"}]', /part 1 has an unknown state "partial"/],
  ])('refuses a malformed parts_json (%s) with a ClaimPartsError naming the claim', (_, json, message) => {
    const read = () => readClaimParts({ ...singleRow, id: 'claim-7', partsJson: json });
    expect(read).toThrow(ClaimPartsError);
    expect(read).toThrow(message);
    expect(read).toThrow(/^Claim claim-7: parts_json/);
  });

  it('readClaimPartsOrColumns reports a malformed parts_json and reads the columns instead', () => {
    const errors: string[] = [];
    const parts = readClaimPartsOrColumns({ ...singleRow, id: 'c9', anchorState: 'partial', partsJson: '[1, 2]' }, (e) => errors.push(e.message));
    expect(errors).toEqual(['Claim c9: parts_json part 1 is not an object.']);
    expect(parts).toEqual([{ quote: { exact: 'rose 4%', prefix: 'Prices ', suffix: ' in May' }, position: { start: 7, end: 14 }, anchorState: 'orphaned' }]);
    const good = partsColumns([part('a', 0), part('b', 4)]);
    expect(readClaimPartsOrColumns(good, () => errors.push('called'))).toHaveLength(2);
    expect(errors).toHaveLength(1);
  });

  it('parseClaimParts works without a claim id', () => {
    expect(() => parseClaimParts('[]')).toThrow(/^parts_json must hold at least 2 parts/);
  });
});

describe('combinedAnchorState', () => {
  it('is anchored when every part is found, orphaned when none is, partial otherwise', () => {
    expect(combinedAnchorState([part('a', 0), part('b', 2)])).toBe('anchored');
    expect(combinedAnchorState([part('a', 0, 'orphaned'), part('b', 2, 'orphaned')])).toBe('orphaned');
    expect(combinedAnchorState([part('a', 0), part('b', 2, 'orphaned')])).toBe('partial');
    expect(combinedAnchorState([part('a', 0, 'orphaned')])).toBe('orphaned');
  });
  it('refuses no parts', () => {
    expect(() => combinedAnchorState([])).toThrow(ClaimPartsError);
  });
});

describe('joinPartQuotes', () => {
  it('joins the exact quotes with " … "', () => {
    expect(joinPartQuotes([part('The mayor said', 0), part('taxes fell', 30)])).toBe('The mayor said … taxes fell');
    expect(joinPartQuotes([part('one', 0)])).toBe('one');
  });
});

describe('partsColumns and sortParts', () => {
  it('refuses no parts and more than the maximum', () => {
    expect(() => partsColumns([])).toThrow(/at least one part/);
    const many = Array.from({ length: MAX_CLAIM_PARTS + 1 }, (_, i) => part('x', i * 2));
    expect(() => partsColumns(many)).toThrow(`at most ${MAX_CLAIM_PARTS} parts`);
    expect(() => partsColumns(many.slice(0, MAX_CLAIM_PARTS))).not.toThrow();
  });
  it('sorts parts by start, then end, keeping equal ones in order', () => {
    const a = part('later', 20);
    const b = part('first', 2);
    const c = part('fi', 2);
    expect(sortParts([a, b, c])).toEqual([c, b, a]);
  });
});
