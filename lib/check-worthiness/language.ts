/**
 * Language by script, per sentence: Latin letters → English (the only Latin-script language with
 * cues), Arabic script → Persian when a Persian-only letter (پ چ ژ گ ک ی) appears, else Arabic;
 * anything else → 'und' (language-independent cues only). Vocabulary is not looked at.
 */
import type { Language } from './types';

const PERSIAN_ONLY = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;

export interface ScriptCounts {
  latin: number;
  arabic: number;
  persianMarks: number;
  other: number;
}

export function emptyCounts(): ScriptCounts {
  return { latin: 0, arabic: 0, persianMarks: 0, other: 0 };
}

/** Adds the letters of `text` to `counts` (mutates and returns it). Linear in the text. */
export function countScripts(text: string, counts: ScriptCounts = emptyCounts()): ScriptCounts {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x41) continue;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) counts.latin++;
    else if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfeff)) {
      if (/\p{L}/u.test(ch)) counts.arabic++;
      if (PERSIAN_ONLY.test(ch)) counts.persianMarks++;
    } else if (/\p{L}/u.test(ch)) counts.other++;
  }
  return counts;
}

/** The language the counts point to; `fallback` when there are no letters at all (e.g. "2027."). */
export function languageOf(counts: ScriptCounts, fallback: Language = 'und'): Language {
  const { latin, arabic, other } = counts;
  if (latin + arabic + other === 0) return fallback;
  if (arabic > latin && arabic >= other) return counts.persianMarks > 0 ? 'fa' : 'ar';
  if (latin >= other) return 'en';
  return 'und';
}

export function detectLanguage(text: string): Language {
  return languageOf(countScripts(text));
}
