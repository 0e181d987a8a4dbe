import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_LEVELS, DEFAULT_SCALE_NAME } from './default-scale';
import { highlightFill, ratingBounds, ratingScaleInputSchema, readableTextColor } from './scale';

describe('default scale', () => {
  it('has the eight standard levels in order, and validates', () => {
    expect(DEFAULT_RATING_LEVELS.map((l) => l.label)).toEqual([
      'True', 'Mostly true', 'Half true', 'Misleading', 'Mostly false', 'False', 'Unproven', 'Not checkable',
    ]);
    const parsed = ratingScaleInputSchema.safeParse({ name: DEFAULT_SCALE_NAME, levels: DEFAULT_RATING_LEVELS });
    expect(parsed.success).toBe(true);
  });
  it('bounds are 5 and 0, ignoring non-ordinal levels', () => {
    expect(ratingBounds(DEFAULT_RATING_LEVELS.map((l) => ({ value: l.value })))).toEqual({ best: 5, worst: 0 });
  });
});

describe('scale validation rejects bad input with clear messages', () => {
  const base = { key: 'a', label: 'A', color: '#000000', value: 1, description: '' };
  const cases: Array<[string, unknown, string]> = [
    ['too few levels', { name: 'x', levels: [base] }, 'at least two levels'],
    ['duplicate keys', { name: 'x', levels: [base, { ...base, label: 'B' }] }, 'Duplicate key "a"'],
    ['duplicate labels (case-insensitive)', { name: 'x', levels: [base, { ...base, key: 'b', label: 'a' }] }, 'Duplicate label'],
    ['bad colour', { name: 'x', levels: [base, { ...base, key: 'b', label: 'B', color: 'red' }] }, 'hex colour'],
    ['bad key', { name: 'x', levels: [base, { ...base, key: 'Bad Key', label: 'B' }] }, 'lowercase'],
    ['no numeric levels', { name: 'x', levels: [{ ...base, value: null }, { ...base, key: 'b', label: 'B', value: null }] }, 'numeric value'],
    ['empty name', { name: ' ', levels: [base, { ...base, key: 'b', label: 'B' }] }, 'name is required'],
    ['not an object', 'scale', 'expected object'],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    const result = ratingScaleInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('colour helpers', () => {
  it('picks white text on dark fills and dark text on light fills', () => {
    expect(readableTextColor('#c62828')).toBe('#ffffff');
    expect(readableTextColor('#ffe082')).toBe('#111111');
  });
  it('adds alpha to a highlight fill', () => {
    expect(highlightFill('#c62828', 0.5)).toBe('#c6282880');
  });
  it('rejects non-hex colours', () => {
    expect(() => readableTextColor('red')).toThrow('Not a hex colour');
    expect(() => highlightFill('#fff')).toThrow('Not a hex colour');
    expect(() => ratingBounds([{ value: null }])).toThrow('numeric level');
  });
});
