import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM_LIMITS, parseStreamLimits, STREAM_LIMIT_ENV, streamClosedNotice } from './stream-limits';

describe('parseStreamLimits', () => {
  it('uses the defaults when nothing is set', () => {
    expect(parseStreamLimits({})).toEqual({ limits: DEFAULT_STREAM_LIMITS, errors: [] });
    expect(DEFAULT_STREAM_LIMITS.perArticle).toBeGreaterThanOrEqual(150);
    expect(DEFAULT_STREAM_LIMITS.perUserPerArticle).toBeLessThanOrEqual(DEFAULT_STREAM_LIMITS.perUser);
  });

  it('reads each override from its own variable', () => {
    const { limits, errors } = parseStreamLimits({ [STREAM_LIMIT_ENV.perUserPerArticle]: '2', [STREAM_LIMIT_ENV.perUser]: ' 7 ', [STREAM_LIMIT_ENV.perArticle]: '1000' });
    expect(errors).toEqual([]);
    expect(limits).toEqual({ perUserPerArticle: 2, perUser: 7, perArticle: 1000 });
  });

  it.each(['0', '-3', '2.5', 'ten', '1e3', '100001', '99999999999999999999'])('rejects %j with a clear message and keeps the default', (raw) => {
    const { limits, errors } = parseStreamLimits({ [STREAM_LIMIT_ENV.perArticle]: raw });
    expect(limits.perArticle).toBe(DEFAULT_STREAM_LIMITS.perArticle);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('CLAIMDESK_MAX_STREAMS_PER_ARTICLE must be a whole number from 1 to 100000');
    expect(errors[0]).toContain(JSON.stringify(raw.trim()));
  });

  it('treats an empty variable as unset', () => {
    expect(parseStreamLimits({ [STREAM_LIMIT_ENV.perUser]: '  ' })).toEqual({ limits: DEFAULT_STREAM_LIMITS, errors: [] });
  });
});

describe('streamClosedNotice', () => {
  it('names the cap that was reached and its number', () => {
    const limits = { perUserPerArticle: 5, perUser: 10, perArticle: 200 };
    expect(streamClosedNotice('perUserPerArticle', limits)).toEqual({ reason: 'too_many_streams', limit: 'perUserPerArticle', message: expect.stringContaining('more than 5 of your tabs') as unknown });
    expect(streamClosedNotice('perUser', limits).message).toContain('more than 10 tabs');
    expect(streamClosedNotice('perArticle', limits).message).toContain('limit 200');
  });
});
