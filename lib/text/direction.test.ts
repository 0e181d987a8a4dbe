import { describe, expect, it } from 'vitest';
import { languageDirection, textDirection, textDirectionOr } from './direction';

describe('textDirection', () => {
  it.each([
    ['Hello world', 'ltr'],
    ['خامنه‌ای گفت', 'rtl'], // Persian (with a ZWNJ)
    ['پژوهش گچ', 'rtl'], // Persian-only letters
    ['اردو میں ٹ ڈ ڑ ے', 'rtl'], // Urdu letters
    ['مرحبا', 'rtl'], // Arabic
    ['שלום עולם', 'rtl'], // Hebrew
    ['ܫܠܡܐ', 'rtl'], // Syriac
    ['ދިވެހި', 'rtl'], // Thaana
    ['ߒߞߏ', 'rtl'], // NKo
    ['ࠀࠁ', 'rtl'], // Samaritan
    ['ࡀࡁ', 'rtl'], // Mandaic
    ['ﺑﺴﻢ', 'rtl'], // Arabic presentation forms B
    ['ﷲ', 'rtl'], // Arabic presentation forms A ligature
    ['יִ', 'rtl'], // Hebrew presentation form
    ['Привет', 'ltr'], // Cyrillic
    ['日本語', 'ltr'],
    ['Ελληνικά', 'ltr'],
  ] as const)('%s → %s', (text, expected) => expect(textDirection(text)).toBe(expected));

  it('decides by the first strong character of mixed text', () => {
    expect(textDirection('Iran (ایران) is a country')).toBe('ltr');
    expect(textDirection('ایران (Iran) کشوری است')).toBe('rtl');
    expect(textDirection('«خبر» and more English')).toBe('rtl');
    expect(textDirection('"Quote" و فارسی')).toBe('ltr');
  });

  it('skips digits (Western, Arabic-Indic, Persian), punctuation, spaces and marks', () => {
    expect(textDirection('2024: سال جدید')).toBe('rtl');
    expect(textDirection('١٤٠٣ سال')).toBe('rtl');
    expect(textDirection('۱۴۰۳ - Year')).toBe('ltr');
    expect(textDirection('  \n\t— … «» "!?" 3.5% ')).toBeNull();
    expect(textDirection('\u064B\u0651 abc')).toBe('ltr'); // Arabic combining marks are neutral
    expect(textDirection('\u0301ا')).toBe('rtl');
    expect(textDirection('💬 مرحبا')).toBe('rtl');
  });

  it('honours the invisible direction marks', () => {
    expect(textDirection('\u200F123 abc')).toBe('rtl'); // RLM
    expect(textDirection('\u061C123 abc')).toBe('rtl'); // ALM
    expect(textDirection('\u200E123 سلام')).toBe('ltr'); // LRM
  });

  it('finds the first strong character far into the text', () => {
    expect(textDirection(`${'1 '.repeat(10_000)}ش`)).toBe('rtl');
  });

  it('answers null for no strong character or a non-string', () => {
    expect(textDirection('')).toBeNull();
    expect(textDirection('12345')).toBeNull();
    expect(textDirection('٠١٢٣')).toBeNull();
    expect(textDirection(null)).toBeNull();
    expect(textDirection(undefined)).toBeNull();
    expect(textDirection(42)).toBeNull();
    expect(textDirection({ toString: () => 'abc' })).toBeNull();
    expect(textDirection(['سلام'])).toBeNull();
  });

  it('textDirectionOr falls back only without a strong character', () => {
    expect(textDirectionOr('123', 'rtl')).toBe('rtl');
    expect(textDirectionOr('abc', 'rtl')).toBe('ltr');
    expect(textDirectionOr(null, 'ltr')).toBe('ltr');
  });
});

describe('languageDirection', () => {
  it.each([
    ['fa', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['iw', 'rtl'],
    ['ur', 'rtl'],
    ['ps', 'rtl'],
    ['yi', 'rtl'],
    ['ckb', 'rtl'],
    ['dv', 'rtl'],
    ['AR_sa', 'rtl'],
    ['en', 'ltr'],
    ['en-US', 'ltr'],
    ['de-CH-1996', 'ltr'],
    ['zh-Hant-TW', 'ltr'],
    ['az-Arab', 'rtl'],
    ['pa-Arab-PK', 'rtl'],
    ['ku-Latn', 'ltr'],
    ['uz-Cyrl', 'ltr'],
    ['ks-Deva', 'ltr'],
  ] as const)('%s → %s', (lang, expected) => expect(languageDirection(lang)).toBe(expected));

  it('answers null for what is not a language tag', () => {
    for (const bad of ['', ' ', 'x', 'english', '12', 'fa--IR', 'fa IR', '<script>', 'a'.repeat(100), null, undefined, 7, {}]) {
      expect(languageDirection(bad)).toBeNull();
    }
  });
});
