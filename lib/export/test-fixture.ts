/**
 * An deliberately awkward report used by every export test: Persian RTL text with ZWNJ,
 * astral emoji, HTML/Markdown/CSV injection attempts, a javascript: source, overlapping and
 * nested claims, a pending claim, an orphaned claim and a non-ordinal verdict.
 * Offsets are computed from the text, never typed by hand.
 */
import type {
  ReportClaim,
  ReportPerson,
  ReportScale,
  ReportSource,
  ReportVerdict,
  ReportViewModel,
} from './view-model';

const ZWNJ = '\u200c';

export const FIXTURE_PARAGRAPHS = [
  `وزیر اقتصاد روز سه${ZWNJ}شنبه گفت نرخ بیکاری به ۴ درصد رسیده است، پایین${ZWNJ}ترین نرخ در ده سال گذشته.`,
  'The spokesperson added: "Exports grew 🚀 by 12% in 2023 and inflation halved."\n' +
    'He also wrote <script>alert(1)</script> in a post about the *budget* & [subsidies].',
  '=HYPERLINK("http://evil.example","click") appeared in a caption 🇮🇷, and @everyone was tagged.',
];

export const FIXTURE_TEXT = FIXTURE_PARAGRAPHS.join('\n\n');

const LEVEL = (key: string, label: string, color: string, value: number | null): ReportVerdict => ({ key, label, color, value });

export const FIXTURE_LEVELS = {
  true: LEVEL('true', 'True', '#1a7f37', 5),
  mostlyTrue: LEVEL('mostly-true', 'Mostly true', '#4d9b2f', 4),
  halfTrue: LEVEL('half-true', 'Half true', '#b58a00', 3),
  misleading: LEVEL('misleading', 'Misleading', '#c96a00', 2),
  mostlyFalse: LEVEL('mostly-false', 'Mostly false', '#d14a1f', 1),
  false: LEVEL('false', 'False', '#c62828', 0),
  unproven: LEVEL('unproven', 'Unproven', '#6b5fa8', null),
  notCheckable: LEVEL('not-checkable', 'Not checkable', '#6e7781', null),
} as const;

const SCALE: ReportScale = {
  name: 'Claimdesk standard',
  levels: Object.values(FIXTURE_LEVELS),
  bestRating: 5,
  worstRating: 0,
};

const PEOPLE = {
  leila: { id: 'u-leila', name: 'لیلا احمدی', email: 'leila@example.org' },
  tom: { id: 'u-tom', name: 'Tom O\'Neil <editor>', email: 'tom@example.org' },
  sara: { id: 'u-sara', name: 'Sara Lindqvist', email: 'sara@example.org' },
} satisfies Record<string, ReportPerson>;

const QUOTE_CONTEXT = 32;

/** Range, quote context and code-point position of the `occurrence`-th `exact` in `text`. */
export function locate(text: string, exact: string, occurrence = 0): Pick<ReportClaim, 'start' | 'end' | 'quote' | 'position'> {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`Fixture text does not contain ${JSON.stringify(exact)} (occurrence ${occurrence})`);
  }
  const end = start + exact.length;
  const before = [...text.slice(0, start)];
  const after = [...text.slice(end)];
  const startCp = before.length;
  return {
    start,
    end,
    quote: { exact, prefix: before.slice(-QUOTE_CONTEXT).join(''), suffix: after.slice(0, QUOTE_CONTEXT).join('') },
    position: { start: startCp, end: startCp + [...exact].length },
  };
}

let sourceSeq = 0;
function source(url: string, title: string, publisher: string, excerpt: string, accessedOn: string | null): ReportSource {
  sourceSeq += 1;
  return { id: `src-${sourceSeq}`, url, title, publisher, excerpt, accessedOn };
}

type ClaimInput = Omit<ReportClaim, 'number' | 'start' | 'end' | 'quote' | 'position' | 'orphaned' | 'comments' | 'history' | 'createdAt' | 'updatedAt' | 'decisionHidden'> &
  Partial<Pick<ReportClaim, 'comments' | 'history' | 'createdAt' | 'updatedAt' | 'decisionHidden'>>;

function claimAt(number: number, exact: string, input: ClaimInput): ReportClaim {
  return {
    number,
    ...locate(FIXTURE_TEXT, exact),
    orphaned: false,
    decisionHidden: false,
    comments: [],
    history: [],
    createdAt: '2024-03-05T09:00:00.000Z',
    updatedAt: '2024-03-06T16:30:00.000Z',
    ...input,
  };
}

function buildClaims(): ReportClaim[] {
  sourceSeq = 0;
  const unemployment = claimAt(1, 'نرخ بیکاری به ۴ درصد رسیده است', {
    id: 'c-unemployment',
    claimText: `نرخ بیکاری در سال ۱۴۰۲ به ۴ درصد رسید ${'🙂'}`,
    claimant: 'وزیر اقتصاد',
    claimDate: '2024-03-05',
    claimAppearance: 'https://tv.example.ir/news/123',
    finalVerdict: FIXTURE_LEVELS.false,
    rationale: `مرکز آمار ایران نرخ بیکاری را ۸٫۲ درصد گزارش کرده است.\nرقم ۴ درصد فقط مربوط به یک استان است.`,
    status: 'resolved',
    author: PEOPLE.leila,
    reviewers: [
      { reviewer: PEOPLE.leila, verdict: FIXTURE_LEVELS.false, reason: 'آمار رسمی خلاف آن را نشان می‌دهد.', createdAt: '2024-03-06T10:00:00Z' },
      { reviewer: PEOPLE.sara, verdict: FIXTURE_LEVELS.mostlyFalse, reason: 'One province did reach 4%.', createdAt: '2024-03-06T11:00:00Z' },
    ],
    sources: [
      source('https://amar.example.ir/labour-force/1402', 'گزارش نیروی کار ۱۴۰۲', 'مرکز آمار ایران', 'نرخ بیکاری: ۸٫۲ درصد', '2024-03-06'),
    ],
    comments: [
      { id: 'cm-1', author: PEOPLE.sara, body: 'Checked the provincial table too.', deleted: null, createdAt: '2024-03-06T11:05:00Z', updatedAt: '2024-03-06T11:05:00Z' },
    ],
    history: [
      {
        id: 'h-1', actor: PEOPLE.leila, action: 'update', entityType: 'claim', entityId: 'c-unemployment',
        before: { status: 'in_review' }, after: { status: 'resolved' }, createdAt: '2024-03-06T16:30:00Z',
      },
    ],
  });

  // Overlaps claim 1: starts inside it and runs past its end.
  const lowest = claimAt(2, `۴ درصد رسیده است، پایین${ZWNJ}ترین نرخ در ده سال گذشته`, {
    id: 'c-lowest',
    claimText: 'Unemployment is at a ten-year low.',
    claimant: 'Ministry of Economy',
    claimDate: null,
    claimAppearance: 'Press conference, Tehran',
    finalVerdict: FIXTURE_LEVELS.mostlyTrue,
    rationale: 'The national rate is the lowest since 2013, though not 4%.',
    status: 'resolved',
    author: PEOPLE.sara,
    reviewers: [],
    sources: [source('http://data.example.org/unemployment.csv', '', 'Example Data', '', null)],
  });

  // Outer claim that fully contains claim 4.
  const exports = claimAt(3, 'Exports grew 🚀 by 12% in 2023 and inflation halved.', {
    id: 'c-exports',
    claimText: 'Exports grew 12% in 2023 🚀 and inflation halved.',
    claimant: 'Government spokesperson',
    claimDate: '2024-03-04',
    claimAppearance: null,
    finalVerdict: FIXTURE_LEVELS.unproven,
    rationale: 'Customs data for Q4 is not yet published.',
    status: 'in_review',
    author: null,
    reviewers: [{ reviewer: PEOPLE.tom, verdict: FIXTURE_LEVELS.unproven, reason: '', createdAt: '2024-03-06T12:00:00Z' }],
    sources: [],
  });

  // Nested inside claim 3, no final verdict yet.
  const inflation = claimAt(4, 'inflation halved', {
    id: 'c-inflation',
    claimText: 'Inflation halved in 2023.',
    claimant: 'Government spokesperson',
    claimDate: '2024-03-04',
    claimAppearance: null,
    finalVerdict: null,
    rationale: '',
    status: 'open',
    author: PEOPLE.tom,
    reviewers: [],
    sources: [],
  });

  const script = claimAt(5, 'He also wrote <script>alert(1)</script> in a post', {
    id: 'c-script',
    claimText: 'The post contained <script>alert(1)</script> | a pipe & **stars**',
    claimant: 'Tom "the <b>bold</b>" Doe',
    claimDate: '2024-03-01',
    claimAppearance: 'javascript:alert(1)',
    finalVerdict: FIXTURE_LEVELS.halfTrue,
    rationale: '-1 point: the post existed, but [the script](javascript:alert(1)) was quoted, not run.',
    status: 'resolved',
    author: PEOPLE.tom,
    reviewers: [{ reviewer: PEOPLE.sara, verdict: FIXTURE_LEVELS.halfTrue, reason: '# not a heading', createdAt: '2024-03-06T13:00:00Z' }],
    sources: [
      source('javascript:alert(1)', 'Totally safe link', 'Evil Corp', '<img src=x onerror=alert(1)>', '2024-03-02'),
      source('https://archive.example.org/post?id=1&view=<full>', 'Archived post (2024)', 'Example Archive', 'He also wrote…\n…in a post.', '2024-03-03'),
    ],
  });

  const formula = claimAt(6, '=HYPERLINK("http://evil.example","click")', {
    id: 'c-formula',
    claimText: '=HYPERLINK("http://evil.example","click")',
    claimant: '@everyone',
    claimDate: null,
    claimAppearance: 'https://social.example.com/p/42',
    finalVerdict: FIXTURE_LEVELS.notCheckable,
    rationale: '+1 for creativity, but a caption is not a factual claim.',
    status: 'resolved',
    author: PEOPLE.sara,
    reviewers: [],
    sources: [source('data:text/html,<script>alert(1)</script>', 'Data URL', '', '', null)],
  });

  // Its words were edited out of the article; the claim keeps its old quote and position.
  const orphan: ReportClaim = {
    id: 'c-orphan',
    number: 7,
    start: null,
    end: null,
    quote: { exact: 'بانک مرکزی ۹۰۰ هزار میلیارد ریال چاپ کرد', prefix: 'همچنین گفت ', suffix: ' و تورم' },
    position: { start: 120, end: 161 },
    orphaned: true,
    decisionHidden: false,
    claimText: 'The central bank printed 900 trillion rials.',
    claimant: 'وزیر اقتصاد',
    claimDate: '2024-03-05',
    claimAppearance: null,
    finalVerdict: FIXTURE_LEVELS.false,
    rationale: 'The central bank balance sheet shows no such increase.',
    status: 'resolved',
    author: PEOPLE.leila,
    reviewers: [],
    sources: [source('https://cbi.example.ir/balance-sheet', 'Balance sheet, Esfand 1402', 'Central Bank', '', '2024-03-06')],
    comments: [],
    history: [],
    createdAt: '2024-03-05T09:30:00Z',
    updatedAt: '2024-03-07T08:00:00Z',
  };

  return [unemployment, lowest, exports, inflation, script, formula, orphan];
}

export function buildFixtureViewModel(): ReportViewModel {
  return {
    workspace: {
      id: 'ws-1',
      name: 'Verification desk',
      organizationName: 'Example Fact Check <Unit>',
      organizationUrl: 'https://factcheck.example.org',
      factCheckUrlPattern: 'https://factcheck.example.org/checks/{article}#claim-{claim}',
    },
    article: {
      id: 'a-1',
      slug: 'minister-economy-claims',
      title: 'ادعاهای اقتصادی وزیر — "Economy" claims & <figures>',
      outlet: 'News Example',
      byline: 'مریم رضایی',
      url: 'https://news.example.com/economy/2024/minister?ref=a&b=1',
      canonicalUrl: 'http://localhost:3000/articles/a-1',
      publishedOn: '2024-03-05',
      language: 'fa',
      sourceCredit: 'Text © News Example, used with permission.',
      status: 'ready',
      revision: 4,
      text: FIXTURE_TEXT,
    },
    scale: SCALE,
    claims: buildClaims(),
    generatedAt: '2024-03-08T10:15:00.000Z',
    appUrl: 'http://localhost:3000',
  };
}
