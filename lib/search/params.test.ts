import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchParamsToUrl } from './params';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('reads every filter and round-trips through the URL', () => {
    const result = parse('q=inflation+%22forty%22&verdict=lvl1&status=resolved&claimant=Mayor&reviewer=u1&articleStatus=published&from=2026-01-01&to=2026-02-01&kind=claim&kind=rationale,block&workspace=w1&limit=10&offset=20&utm=x');
    expect(result).toEqual({
      ok: true,
      params: { q: 'inflation "forty"', verdictId: 'lvl1', claimStatus: 'resolved', claimant: 'Mayor', reviewerId: 'u1', articleStatus: 'published', from: '2026-01-01', to: '2026-02-01', kinds: ['claim', 'rationale', 'block'], workspaceId: 'w1', limit: 10, offset: 20 },
    });
    if (!result.ok) return;
    expect(parse(searchParamsToUrl(result.params).toString())).toEqual(result);
  });

  it('treats missing q and empty filter fields as none', () => {
    expect(parse('')).toEqual({ ok: true, params: { q: '' } });
    expect(parse('q=x&verdict=&status=&from=')).toEqual({ ok: true, params: { q: 'x' } });
    expect(parseSearchParams({ q: 'x', kind: ['claim'], status: undefined })).toEqual({ ok: true, params: { q: 'x', kinds: ['claim'] } });
  });

  it.each([
    ['status=maybe', /status must be one of/],
    ['articleStatus=gone', /articleStatus must be one of/],
    ['from=2026-02-30', /from must be a date/],
    ['to=yesterday', /to must be a date/],
    ['from=2026-03-01&to=2026-01-01', /from must not be after to/],
    ['kind=claim&kind=secret', /kind must be among/],
    ['limit=0', /limit must be between 1 and 50/],
    ['limit=51', /limit must be between 1 and 50/],
    ['limit=ten', /limit must be a whole number/],
    ['offset=-1', /offset must be a whole number/],
    [`q=${'x'.repeat(10_001)}`, /q is longer than/],
    [`claimant=${'x'.repeat(201)}`, /claimant is too long/],
  ])('refuses %s with a clear message', (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
