import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from './default-weights';
import { detectLanguage } from './language';
import { scoreSentences, scoreSentencesInSlices } from './score';
import { FEATURES } from './types';

describe('detectLanguage (by script)', () => {
  it.each([
    ['The council approved the budget.', 'en'],
    ['ذخایر سدهای تهران به پایین‌ترین سطح رسید.', 'fa'],
    ['قال وزير النفط إن الإنتاج ارتفع.', 'ar'],
    ['Цены выросли на 12%.', 'und'],
    ['東京の人口は増えた。', 'und'],
    ['2027', 'und'],
    ['', 'und'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('scoreSentences', () => {
  it.each(['', '   \n\n\t'])('empty text %j → no sentences, no error', (text) => {
    const result = scoreSentences(text);
    expect(result.sentences).toEqual([]);
    expect(result.chunkedSentences).toBe(0);
    expect(result.language).toBe('und');
  });

  it('rejects a non-string with a TypeError (not a crash deep inside)', () => {
    expect(() => scoreSentences(null as unknown as string)).toThrow(TypeError);
  });

  it('returns offsets, text, a 0–1 score, reasons inside the sentence and every feature', () => {
    const text = 'Intro line\n\nThe budget rose to $412 million in 2027, Mayor Elena Marsh said. Is it fair?';
    const result = scoreSentences(text);
    expect(result.language).toBe('en');
    expect(result.languageSupport).toBe('full');
    expect(result.threshold).toBe(DEFAULT_WEIGHTS.threshold);
    for (const s of result.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(Object.keys(s.features).sort()).toEqual([...FEATURES].sort());
      for (const r of s.reasons) {
        expect(r.start).toBeGreaterThanOrEqual(s.start);
        expect(r.end).toBeLessThanOrEqual(s.end);
        expect(r.label).not.toBe('');
      }
    }
    const [intro, claim, question] = result.sentences;
    expect(claim?.score).toBeGreaterThan(DEFAULT_WEIGHTS.threshold);
    expect(claim?.score).toBeGreaterThan(intro?.score ?? 1);
    expect(claim?.score).toBeGreaterThan(question?.score ?? 1);
    expect(claim?.reasons.find((r) => r.cue === 'attribution')).toMatchObject({ label: 'Attribution to "Elena Marsh"', who: 'Elena Marsh' });
  });

  it('Persian text: full support for its cues, entity reported unsupported', () => {
    const result = scoreSentences('به گفته شرکت آب، حجم آب سدها به ۲۳۰ میلیون متر مکعب رسید. آیا جیره‌بندی در کار است؟');
    expect(result.language).toBe('fa');
    expect(result.languageSupport).toBe('full');
    expect(result.unsupportedCues).toEqual(['entity']);
    expect(result.sentences[0]?.score).toBeGreaterThan(result.sentences[1]?.score ?? 1);
  });

  it('an unknown script falls back to the language-independent cues, said so', () => {
    const result = scoreSentences('Цены выросли на 12% в 2024 году. Почему?');
    expect(result.language).toBe('und');
    expect(result.languageSupport).toBe('partial');
    expect(result.unsupportedCues).toEqual(expect.arrayContaining(['attribution', 'entity', 'statistic']));
    expect(result.sentences[0]?.reasons.map((r) => r.cue)).toEqual(['percentage', 'date']);
  });

  it('one enormous sentence (200,000 characters, no full stop) is cut into bounded pieces, and says so', () => {
    // compromise off to keep the unit run short; bench:check-worthiness times the full scorer on it.
    const text = 'the council spent 5 dollars '.repeat(7200).slice(0, 200_000);
    const result = scoreSentences(text, { noNlp: true });
    expect(result.chunkedSentences).toBe(result.sentences.length);
    expect(result.sentences.length).toBeGreaterThanOrEqual(200);
    expect(result.sentences.every((s) => s.chunked === true && s.end - s.start <= 1000)).toBe(true);
  }, 60_000);

  it('custom weights are used', () => {
    const weights = { ...DEFAULT_WEIGHTS, bias: 10 };
    expect(scoreSentences('Hello there.', { weights }).sentences[0]?.score).toBe(1);
  });
});

describe('scoreSentencesInSlices', () => {
  const text = Array.from({ length: 30 }, (_, i) => `The council spent $${i + 1} million on roads in 2024, Marsh said.`).join(' ');

  it('gives the same result as scoreSentences, yielding between slices, with progress', async () => {
    let yields = 0;
    const progress: number[] = [];
    const counts: number[] = [];
    // A clock that advances 1 ms per reading: a 2 ms slice fits about one sentence.
    let clock = 0;
    const result = await scoreSentencesInSlices(text, {
      sliceMs: 2,
      now: () => clock++,
      yieldToEventLoop: async () => {
        yields++;
      },
      onProgress: (done, _total, sentences) => {
        progress.push(done);
        counts.push(sentences);
      },
    });
    const { stats, ...rest } = result;
    expect(rest).toEqual(scoreSentences(text));
    expect(yields).toBeGreaterThanOrEqual(10);
    expect(stats.slices).toBe(yields + 1);
    expect(progress.at(-1)).toBe(text.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(counts.at(-1)).toBe(30);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = scoreSentencesInSlices(text, {
      sliceMs: 0,
      signal: controller.signal,
      yieldToEventLoop: async () => controller.abort(new Error('stopped')),
    });
    await expect(run).rejects.toThrow('stopped');
  });

  it('empty text resolves with no sentences', async () => {
    const result = await scoreSentencesInSlices('');
    expect(result.sentences).toEqual([]);
  });
});
