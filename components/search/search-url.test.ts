import { describe, expect, it } from 'vitest';
import { clearFiltersHref, hasFilters, offsetHref, readFormValues, searchHref } from './search-url';

describe('readFormValues', () => {
  it('reads what the form sent', () => {
    const values = readFormValues({ q: 'ISIS', verdict: 'lvl-1', status: 'resolved', kind: ['claim', 'rationale'], offset: '20', from: '2026-01-01' });
    expect(values).toMatchObject({ q: 'ISIS', verdict: 'lvl-1', status: 'resolved', kind: ['claim', 'rationale'], offset: 20, limit: 20, from: '2026-01-01', to: '' });
  });

  it('keeps a bad value as typed (the page says what is wrong) but cuts huge ones', () => {
    expect(readFormValues({ from: 'yesterday' }).from).toBe('yesterday');
    expect(readFormValues({ q: 'x'.repeat(5000) }).q).toHaveLength(500);
    expect(readFormValues({ kind: Array.from({ length: 100 }, () => 'claim') }).kind).toHaveLength(20);
  });

  it('never gives paging numbers it cannot use', () => {
    for (const offset of ['-5', 'abc', '1e9', '']) expect(readFormValues({ offset }).offset).toBe(0);
    expect(readFormValues({ offset: '99999999' }).offset).toBe(10_000);
    expect(readFormValues({ limit: '0' }).limit).toBe(1);
    expect(readFormValues({ limit: '500' }).limit).toBe(50);
  });

  it('takes the first of repeated single values and ignores empty kinds', () => {
    expect(readFormValues({ q: ['a', 'b'], kind: ['', 'claim'] })).toMatchObject({ q: 'a', kind: ['claim'] });
  });
});

describe('links', () => {
  const values = readFormValues({ q: 'oil "price cap"', status: 'open', kind: ['claim'], offset: '40' });

  it('builds the URL with only what is set', () => {
    expect(searchHref(readFormValues({}))).toBe('/search');
    expect(searchHref(values)).toBe('/search?q=oil+%22price+cap%22&status=open&kind=claim&offset=40');
  });

  it('pages by offset and never below zero', () => {
    expect(offsetHref(values, 60)).toContain('offset=60');
    expect(offsetHref(values, -20)).not.toContain('offset');
  });

  it('clears the filters, keeps the words and starts again at the first page', () => {
    expect(hasFilters(values)).toBe(true);
    expect(clearFiltersHref(values)).toBe('/search?q=oil+%22price+cap%22');
    expect(hasFilters(readFormValues({ q: 'x', claimant: '  ' }))).toBe(false);
  });
});
