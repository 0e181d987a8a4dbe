import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime, formatTimestamp, isIsoDay, isoDayIn, parseInstant, todayIn } from './dates';

// 23:30 UTC on 5 March is already 6 March in Tokyo and still 5 March in New York.
const LATE_UTC = '2024-03-05T23:30:00Z';
// 00:30 UTC on 6 March is still 5 March in New York.
const EARLY_UTC = '2024-03-06T00:30:00.000Z';

describe('parseInstant', () => {
  it.each([
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    [LATE_UTC, '2024-03-05T23:30:00.000Z'],
    ['2024-03-06T01:30:00+02:00', '2024-03-05T23:30:00.000Z'],
  ])('reads %s', (input, instant) => {
    expect(parseInstant(input)?.toISOString()).toBe(instant);
  });

  it.each(['', '   ', 'yesterday', '2024-13-01', '2024-02-30', '2023-02-29', 'NaN', '2024-03-05T25:00:00Z'])('refuses %j', (input) => {
    expect(parseInstant(input)).toBeNull();
  });

  it('accepts a real leap day', () => {
    expect(parseInstant('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2024-03-05', true],
    ['2024-3-5', false],
    [LATE_UTC, false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isIsoDay(input)).toBe(expected);
  });
});

describe('formatDay', () => {
  it('formats an instant in UTC unless told otherwise', () => {
    expect(formatDay(LATE_UTC)).toBe('5 March 2024');
    expect(formatDay(LATE_UTC, 'Asia/Tokyo')).toBe('6 March 2024');
    expect(formatDay(EARLY_UTC)).toBe('6 March 2024');
    expect(formatDay(EARLY_UTC, 'America/New_York')).toBe('5 March 2024');
  });

  it('never shifts a bare calendar day, whatever the zone', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(formatDay('2024-03-05', zone)).toBe('5 March 2024');
    }
  });

  it('returns null for input that is not a date', () => {
    expect(formatDay('not a date')).toBeNull();
    expect(formatDay('2024-02-30')).toBeNull();
  });

  it('throws on an unknown time zone (a programming error, not user input)', () => {
    expect(() => formatDay(LATE_UTC, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('formatDayTime', () => {
  it('names the zone', () => {
    expect(formatDayTime(LATE_UTC)).toBe('5 March 2024, 23:30 UTC');
    expect(formatDayTime(LATE_UTC, 'Asia/Tokyo')).toBe('6 March 2024, 08:30 Asia/Tokyo');
    expect(formatDayTime('2024-03-08T00:05:09Z')).toBe('8 March 2024, 00:05 UTC');
  });

  it('uses 24-hour time at midnight (00, never 24)', () => {
    expect(formatDayTime('2024-03-06T00:00:00Z')).toBe('6 March 2024, 00:00 UTC');
  });

  it('returns null for input that is not a date', () => {
    expect(formatDayTime('')).toBeNull();
    expect(formatDayTime('soon')).toBeNull();
  });
});

describe('formatTimestamp', () => {
  it('is short by default and names an explicit zone', () => {
    expect(formatTimestamp(LATE_UTC, { timeZone: 'UTC' })).toBe('5 Mar, 23:30 UTC');
    expect(formatTimestamp(LATE_UTC, { timeZone: 'Asia/Tokyo' })).toBe('6 Mar, 08:30 Asia/Tokyo');
  });

  it('has a medium style with the year', () => {
    expect(formatTimestamp(EARLY_UTC, { timeZone: 'UTC', style: 'medium' })).toBe('6 Mar 2024, 00:30 UTC');
  });

  it('leaves the zone unnamed when it is the runtime’s own', () => {
    const text = formatTimestamp(LATE_UTC);
    expect(text).toMatch(/^\d{1,2} Mar, \d\d:30$/);
  });

  it('returns null for input that is not a date', () => {
    expect(formatTimestamp('garbage', { timeZone: 'UTC' })).toBeNull();
  });
});

describe('isoDayIn and todayIn', () => {
  it('gives the calendar day of an instant in a zone', () => {
    expect(isoDayIn(LATE_UTC)).toBe('2024-03-05');
    expect(isoDayIn(LATE_UTC, 'Asia/Tokyo')).toBe('2024-03-06');
    expect(isoDayIn(EARLY_UTC, 'America/New_York')).toBe('2024-03-05');
    expect(isoDayIn('2024-03-05', 'Asia/Tokyo')).toBe('2024-03-05');
    expect(isoDayIn('nope')).toBeNull();
  });

  it('gives today in a zone from a fixed clock', () => {
    const now = new Date(LATE_UTC);
    expect(todayIn('UTC', now)).toBe('2024-03-05');
    expect(todayIn('Asia/Tokyo', now)).toBe('2024-03-06');
    expect(todayIn('America/Los_Angeles', new Date(EARLY_UTC))).toBe('2024-03-05');
  });

  it('pads months and days to two digits', () => {
    expect(todayIn('UTC', new Date('2024-01-02T12:00:00Z'))).toBe('2024-01-02');
  });
});
