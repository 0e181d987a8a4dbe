import type { ReplyMethod } from '@/lib/domain/publishing';

/**
 * The published demo fact-check (fixtures/demo/city-budget-article.txt, a fictional story): four
 * checked statements with final verdicts (scale keys), rationales, public sources, one internal
 * source, and the right-of-reply log. Every source is as invented as the story (.example domains).
 */
export interface CityBudgetClaim {
  quote: string;
  claimText: string;
  claimant: string;
  claimDate: string;
  verdict: string;
  rationale: string;
  author: string;
  sources: Array<{ url: string; title: string; publisher: string; excerpt: string; accessedOn: string; isPublic: boolean }>;
  replies: Array<{ contactedOn: string; method: ReplyMethod; contact: string; response: string | null; respondedOn: string | null; showPublicly: boolean }>;
}

const ACCESSED = '2026-11-16';
const BUDGET_SUMMARY = 'https://riverton.example/budget/2027/summary';

export const CITY_BUDGET_CLAIMS: CityBudgetClaim[] = [
  {
    quote: 'Marsh said the budget "does not raise property taxes by a single cent."',
    claimText: 'Riverton’s 2027 budget does not raise property taxes.',
    claimant: 'Elena Marsh, Mayor of Riverton',
    claimDate: '2026-11-10',
    verdict: 'misleading',
    author: 'ana@claimdesk.demo',
    rationale:
      'The budget keeps the property tax rate at 1.12 percent of assessed value, so the rate did not rise. But the county’s 2026 reassessment raised the assessed value of the median Riverton home by 9.1 percent, and the unchanged rate applies to that higher value: the median homeowner’s bill rises from about $3,360 to about $3,670 next year. The council could have lowered the rate to offset the reassessment and did not. The rate is unchanged; the taxes most homeowners pay are not.',
    sources: [
      { url: 'https://riverton.example/budget/2027/revenue-summary', title: 'Adopted budget, fiscal year 2027: revenue summary', publisher: 'City of Riverton', excerpt: 'Property tax rate: 1.12% of assessed value (unchanged from FY2026).', accessedOn: ACCESSED, isPublic: true },
      { url: 'https://assessor.harlan-county.example/reassessment-2026', title: '2026 countywide reassessment: results by municipality', publisher: 'Harlan County Assessor', excerpt: 'Riverton: median residential assessed value +9.1% (from $300,000 to $327,300).', accessedOn: ACCESSED, isPublic: true },
      { url: 'https://claimdesk.example/desk-notes/riverton-budget-tip', title: 'Tip from a council staffer', publisher: 'Confidential source', excerpt: 'Finance staff told council members in October that the average bill would rise by roughly 9% unless the rate was lowered.', accessedOn: '2026-11-12', isPublic: false },
    ],
    replies: [
      {
        contactedOn: '2026-11-16',
        method: 'email',
        contact: 'Mayor’s press office, press@riverton.example',
        response: 'A spokesperson for Mayor Marsh said the mayor was referring to the tax rate, which the council did not change, and that the reassessment is carried out by the county, not the city.',
        respondedOn: '2026-11-17',
        showPublicly: true,
      },
    ],
  },
  {
    quote: 'spending on the public library system "has been cut by a third since 2020."',
    claimText: 'Riverton’s spending on its public libraries has been cut by a third since 2020.',
    claimant: 'David Okafor, Riverton city councillor',
    claimDate: '2026-11-10',
    verdict: 'half-true',
    author: 'kofi@claimdesk.demo',
    rationale:
      'In dollars, library funding fell from $7.4 million in 2020 to $6.1 million in the 2027 budget: a cut of 18 percent, about a sixth, not a third. Adjusted for inflation (consumer prices rose about 26 percent over the period, by the state index the budget itself uses), $6.1 million is worth about $4.8 million in 2020 dollars, a real cut of about 35 percent. The claim holds only in inflation-adjusted terms, which the councillor did not say.',
    sources: [
      { url: 'https://riverton.example/budget/2027/library-fund', title: 'Library fund appropriations, 2020–2027', publisher: 'City of Riverton', excerpt: 'FY2020: $7,400,000 … FY2027 (adopted): $6,100,000.', accessedOn: ACCESSED, isPublic: true },
      { url: 'https://statistics.state.example/cpi/annual', title: 'Consumer price index, annual averages', publisher: 'State Office of Economic Statistics', excerpt: 'Index, 2020 = 100.0; 2026 (estimate used for FY2027 budgets) = 126.1.', accessedOn: ACCESSED, isPublic: true },
    ],
    replies: [{ contactedOn: '2026-11-16', method: 'email', contact: 'Councillor Okafor’s office, d.okafor@riverton.example', response: null, respondedOn: null, showPublicly: true }],
  },
  {
    quote: 'Riverton "now spends less per resident than any other city of its size in the state,"',
    claimText: 'Riverton spends less per resident than any other city of its size in the state.',
    claimant: 'Elena Marsh, Mayor of Riverton',
    claimDate: '2026-11-10',
    verdict: 'false',
    author: 'ana@claimdesk.demo',
    rationale:
      'The state’s municipal finance office compares cities of 100,000 to 150,000 residents. Of the 12 in that group, Riverton, at $1,940 per resident budgeted for next year, would rank fourth-lowest: Lakeport ($1,610), Millbrook ($1,785) and Fairhaven ($1,902) spent less per resident in the latest year on record. Comparing Riverton’s budget with other cities’ actual spending already flatters Riverton; even so, three cities of its size spend less.',
    sources: [
      { url: 'https://finance.state.example/municipal/2025/per-resident', title: 'Municipal finance report 2025: general-fund spending per resident', publisher: 'State Municipal Finance Office', excerpt: 'Cities of 100,000–150,000 residents: Lakeport $1,610; Millbrook $1,785; Fairhaven $1,902; Riverton $1,988; …', accessedOn: ACCESSED, isPublic: true },
      { url: BUDGET_SUMMARY, title: 'Adopted budget, fiscal year 2027: summary', publisher: 'City of Riverton', excerpt: 'General-fund expenditure per resident: $1,940.', accessedOn: ACCESSED, isPublic: true },
    ],
    replies: [],
  },
  {
    quote: '"twice what it was when this council took office."',
    claimText: 'Riverton’s rainy-day reserve will reach 12 percent of the general fund, twice what it was when the current council took office.',
    claimant: 'Priya Raman, chair of the council’s finance committee',
    claimDate: '2026-11-10',
    verdict: 'true',
    author: 'kofi@claimdesk.demo',
    rationale:
      'The audited accounts for 2022, the year before the current council was sworn in, put the reserve at 6.0 percent of general-fund spending ($14.2 million). The 2027 budget plans a reserve of 12.0 percent ($29.8 million): twice the share, and about twice the amount in dollars too.',
    sources: [
      { url: 'https://riverton.example/finance/acfr-2022', title: 'Annual comprehensive financial report 2022', publisher: 'City of Riverton', excerpt: 'Unassigned general fund balance: $14.2 million, 6.0% of general fund expenditures.', accessedOn: ACCESSED, isPublic: true },
      { url: BUDGET_SUMMARY, title: 'Adopted budget, fiscal year 2027: summary', publisher: 'City of Riverton', excerpt: 'Budget stabilization reserve: $29.8 million (12.0% of the general fund).', accessedOn: ACCESSED, isPublic: true },
    ],
    replies: [],
  },
];
