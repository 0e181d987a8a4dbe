import { describe, expect, it } from 'vitest';
import { extractCues, featuresOf, normaliseDigits, quotations, unsupportedCues, type Cue } from './cues';
import type { CueName, Language } from './types';

const cuesOf = (sentence: string, language: Language): Cue[] => extractCues(sentence, language);
const spans = (sentence: string, language: Language, cue: CueName): string[] =>
  cuesOf(sentence, language)
    .filter((c) => c.cue === cue && c.start >= 0)
    .map((c) => sentence.slice(c.start, c.end));

describe('extractCues: each cue, English', () => {
  it.each([
    ['number', 'The fire department gets 14 new positions.', ['14']],
    ['number (words)', 'Okafor wants two branches reopened.', ['two']],
    ['percentage', 'Taxes rose 9 percent and fees 1.5%.', ['9 percent', '1.5%']],
    ['money', 'The plan costs $412 million, or 30 million dollars more.', ['$412 million', '30 million dollars']],
    ['date', 'On Tuesday, November 21, 2017, it happened in 2014.', ['Tuesday', 'November 21, 2017', '2014']],
    ['statistic', 'Rents rose more than wages, the largest gap, and crime doubled.', ['rose', 'more than', 'largest', 'doubled']],
    ['causal', 'The wall failed because the river rose, which led to floods.', ['because', 'led to']],
    ['hedge', 'I think it might be true, maybe.', ['I think', 'might', 'maybe']],
    ['question', 'Who won the debate?', ['?']],
    ['future', 'The mayor will publish the figures.', ['will']],
    ['firstPerson', 'We are running on goodwill.', ['We']],
  ] as [string, string, string[]][])('%s', (name, sentence, expected) => {
    const cue = name.split(' ')[0] as CueName;
    expect(spans(sentence, 'en', cue)).toEqual(expected);
  });

  it('a number inside money, a percentage or a date is not a reason of its own but still sets the feature', () => {
    const cues = cuesOf('The budget is $412 million.', 'en');
    expect(cues.filter((c) => c.cue === 'number' && c.label !== '')).toEqual([]);
    expect(featuresOf(cues, 'The budget is $412 million.').number).toBe(1);
  });

  it.each([
    ['Marsh said the budget does not raise taxes.', 'Marsh'],
    ['Councillor David Okafor, who voted against the plan, said spending fell.', 'David Okafor'],
    ['According to the ministry, exports fell.', 'the ministry'],
    ['"It lasted six hours," said shop owner Dana Whitfield.', 'Dana Whitfield'],
    ['Former U.S. President Barack Obama went further, saying Tehran was responsible.', 'Barack Obama'],
  ])('attribution with who: %s', (sentence, who) => {
    const attribution = cuesOf(sentence, 'en').find((c) => c.cue === 'attribution');
    expect(attribution?.who).toBe(who);
    expect(attribution?.label).toBe(`Attribution to "${who}"`);
  });

  it('named entities from compromise', () => {
    const names = spans('Barack Obama visited the World Health Organization in Geneva.', 'en', 'entity');
    expect(names).toEqual(expect.arrayContaining(['Barack Obama', 'World Health Organization', 'Geneva']));
  });

  it.each(['Tell us your story.', 'Please avoid the riverside area.', 'Read the full report here.'])('imperative: %s', (sentence) => {
    expect(cuesOf(sentence, 'en').some((c) => c.cue === 'imperative')).toBe(true);
  });

  it('a plain statement is not an imperative or a question', () => {
    const cues = cuesOf('The city spent more on roads.', 'en').map((c) => c.cue);
    expect(cues).not.toContain('imperative');
    expect(cues).not.toContain('question');
  });
});

describe('extractCues: Persian and Arabic', () => {
  it.each([
    ['number', 'fa', 'حجم آب پنج سد به ۲۳۰ متر رسید.', ['پنج', '۲۳۰']],
    ['percentage', 'fa', 'تنها ۱۳ درصد ظرفیت پر است.', ['۱۳ درصد']],
    ['money', 'fa', 'هزینه طرح ۵۰۰ میلیارد ریال است.', ['۵۰۰ میلیارد ریال']],
    ['date', 'fa', 'جمعیت در سال ۱۴۰۰ و روز شنبه اعلام شد.', ['سال ۱۴۰۰', 'شنبه']],
    ['statistic', 'fa', 'بارندگی ۴۰ درصد کمتر از میانگین و پایین‌ترین رقم بود.', ['کمتر از', 'میانگین', 'پایین‌ترین']],
    ['causal', 'fa', 'به دلیل برداشت بی‌رویه، زمین فرونشست کرد.', ['به دلیل']],
    ['hedge', 'fa', 'به نظر من شاید این درست باشد.', ['به نظر من', 'شاید']],
    ['question', 'fa', 'آیا تهران با جیره‌بندی روبه‌رو خواهد شد؟', ['؟']],
    ['imperative', 'fa', 'لطفاً در مصرف آب صرفه‌جویی کنید.', ['لطفاً']],
    ['quotation', 'fa', 'او آن را «بحرانی» توصیف کرد.', ['«بحرانی»']],
    ['future', 'fa', 'شهرداری طرح تازه‌ای اجرا خواهد کرد.', ['خواهد']],
    ['firstPerson', 'fa', 'ما باید صرفه‌جویی کنیم.', ['ما']],
    ['attribution', 'fa', 'وزیر گفت تورم کم شد.', ['گفت']],
    ['attribution', 'ar', 'قال الوزير إن التضخم انخفض.', ['قال']],
    ['number', 'ar', 'بلغ عدد الضحايا ٣٥ شخصا.', ['٣٥']],
    ['percentage', 'ar', 'ارتفعت الأسعار ١٢ في المئة.', ['١٢ في المئة']],
    ['causal', 'ar', 'أغلقت المدارس بسبب الفيضانات.', ['بسبب']],
    ['statistic', 'ar', 'الإنتاج أكثر من العام الماضي.', ['أكثر من']],
  ] as [string, Language, string, string[]][])('%s (%s): %s', (cue, language, sentence, expected) => {
    expect(spans(sentence, language, cue as CueName)).toEqual(expected);
  });

  it.each([
    ['fa', 'به گفته شرکت آب منطقه‌ای تهران، حجم آب کاهش یافت.', 'شرکت آب منطقه‌ای'],
    ['fa', 'مدیرعامل شرکت آب گفت بارندگی کم بود.', 'مدیرعامل شرکت آب'],
    ['fa', 'سخنگوی صنعت آب اعلام کرد برنامه‌ای نیست.', 'سخنگوی صنعت آب'],
    ['ar', 'وقال وزير النفط إن الإنتاج ارتفع.', 'وزير النفط'],
    ['ar', 'وفقا للوزارة، ارتفعت الصادرات.', 'الوزارة'],
    ['ar', 'بحسب الوزارة ارتفعت الصادرات.', 'الوزارة ارتفعت الصادرات'],
  ] as [Language, string, string | undefined][])('attribution with who (%s): %s', (language, sentence, who) => {
    const attribution = cuesOf(sentence, language).find((c) => c.cue === 'attribution');
    expect(attribution).toBeDefined();
    if (who !== undefined) expect(attribution?.who).toBe(who);
  });

  it('reports Persian/Arabic digits at their own offsets', () => {
    expect(normaliseDigits('۱۲٫۵ و ٣٤٬٠٠٠')).toBe('12.5 و 34,000');
  });
});

describe('language-independent cues (unknown script)', () => {
  it('finds digits, %, currency, ISO dates, quotes and questions in Russian text', () => {
    const sentence = 'Цены выросли на 12% до $5 2024-03-01 «так» ли?';
    const cues = new Set(cuesOf(sentence, 'und').map((c) => c.cue));
    expect([...cues].sort()).toEqual(['date', 'money', 'number', 'percentage', 'question', 'quotation']);
    expect(unsupportedCues('und')).toEqual(expect.arrayContaining(['attribution', 'entity', 'statistic', 'hedge']));
  });
});

describe('quotations', () => {
  it.each([
    ['paired straight', 'He said "it fell" today.', ['"it fell"']],
    ['paired curly', 'He said “it fell” today.', ['“it fell”']],
    ['opened, closed in a later sentence', 'He said “it fell by half.', ['“it fell by half.']],
    ['closed, opened in an earlier sentence', 'It rose again,” she said.', ['It rose again,”']],
    ['guillemets', 'او گفت «بحرانی است».', ['«بحرانی است»']],
    ['apostrophes are not quotes', 'Iran’s leader spoke.', []],
  ])('%s', (_name, sentence, expected) => {
    expect(quotations(sentence).map((q) => sentence.slice(q.start, q.end))).toEqual(expected);
  });
});

describe('who: the claimant of an attribution', () => {
  // The demo article's attribution sentences (fixtures/demo/seed-article.txt; some shortened), everyday
  // English shapes, and Persian/Arabic cases. undefined: no credible speaker, so the app pre-fills nothing.
  it.each([
    ['en', 'Responding to a letter written by the IRGC Quds Force Commander Qassem Soleimani, Iran’s Supreme Leader announced that eliminating the Islamic State (IS) militant group in Iraq and Syria was a service to humanity.', 'Iran’s Supreme Leader'],
    ['en', 'Responding to a letter from Qassem Soleimani, Iran’s Supreme Leader ayatollah Ali Khamenei announced that eliminating IS was a service to humanity.', 'Ali Khamenei'],
    ['en', '“The elimination of Daesh (ISIS) terrorists was a blow to its creators and supporters, including the United States,” ayatollah Ali Khamenei said.', 'Ali Khamenei'],
    ['en', '“It also helped the occupying Zionist regime (Israel) dominate the region,” local media cited Khamenei as saying.', 'Khamenei'],
    ['en', '“During the very first days, the Americans, through their ambassador in Baghdad, requested our cooperation, but I rejected it,” Khamenei had said in 2014.', 'Khamenei'],
    ['en', 'Khamenei has repeatedly maintained that the United States created IS.', 'Khamenei'],
    ['en', 'Meanwhile, several analysts inside Iran say it was Soleimani’s mismanagement.', 'several analysts inside Iran'],
    ['en', 'A prominent dissident inside Iran, Mehdi Khazali, said last year, “If Soleimani were not present in Syria, there would have been no IS.”', 'Mehdi Khazali'],
    ['en', 'Soleimani’s declaration comes at a time when Iran is insisting its role goes no further than advisers.', 'Iran'],
    ['en', 'Khamenei repeated his allegations even though IS has been under heavy bombardment by coalition forces led by the United States.', undefined],
    ['en', 'The bombardments were so effective that U.S.-backed Syrian armed groups recently managed to liberate Raqqa, the self-declared capital city of IS.', undefined],
    ['en', 'The plan funds free bus rides, which Marsh said would cost "less than half of one percent."', 'Marsh'],
    ['en', 'Jenna Alvarez, a mother of three, said free lunches would help.', 'Jenna Alvarez'],
    ['en', 'Dunn called that claim "simply false" and said response times were unchanged.', 'Dunn'],
    ['en', 'Waits were the longest in the state, according to figures released on Thursday by the state health department.', 'the state health department'],
    ['en', 'The report by Amnesty International said 40 people died.', 'Amnesty International'],
    ['en', 'He said the budget rose.', undefined],
    ['en', '"The nurses were kind to me," she said.', undefined],
    ['fa', 'به گفته شرکت آب منطقه‌ای تهران، حجم آب کاهش یافت.', 'شرکت آب منطقه‌ای'],
    ['fa', 'مدیرعامل شرکت آب گفت بارندگی کم بود.', 'مدیرعامل شرکت آب'],
    ['fa', 'سخنگوی دولت اعلام کرد که قیمت بنزین افزایش نمی‌یابد.', 'سخنگوی دولت'],
    ['ar', 'وقال وزير النفط إن الإنتاج ارتفع.', 'وزير النفط'],
    ['ar', 'وفقا للوزارة، ارتفعت الصادرات.', 'الوزارة'],
    ['ar', 'وأعلنت وزارة الصحة أن عدد الإصابات ارتفع.', 'وزارة الصحة'],
  ] as [Language, string, string | undefined][])('(%s) %s → %s', (language, sentence, who) => {
    const attribution = cuesOf(sentence, language).find((c) => c.cue === 'attribution');
    expect(attribution).toBeDefined();
    expect(attribution?.who).toBe(who);
    if (who === undefined) expect(attribution?.label).not.toMatch(/^Attribution to/u);
  });

  it('a verb match that is no verb of speaking ("United States", "self-declared") still sets the attribution feature (the shipped weights were fitted so) but names no one', () => {
    for (const sentence of ['IS has been bombed by forces led by the United States.', 'Raqqa was the self-declared capital of IS.']) {
      const cues = cuesOf(sentence, 'en');
      expect(featuresOf(cues, sentence).attribution).toBe(1);
      expect(cues.find((c) => c.cue === 'attribution')?.who).toBeUndefined();
    }
  });

  it('labels groups compromise calls places as organisations ("Islamic State")', () => {
    const labels = cuesOf('Iran said eliminating the Islamic State in Iraq was a service to humanity.', 'en')
      .filter((c) => c.cue === 'entity')
      .map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['Names the organisation "Islamic State"', 'Names the place "Iraq"']));
  });
});
