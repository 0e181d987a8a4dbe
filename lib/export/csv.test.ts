import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, neutraliseFormula, renderCsvReport } from './csv';
import {
  FIXTURE_GONE_PART,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildFixtureViewModel,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';

/** A strict RFC 4180 parser: CRLF records, quoted fields with "" escapes; throws on anything else. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
        if (i < input.length && input[i] !== ',' && input[i] !== '\r') throw new Error(`garbage after closing quote at ${i}`);
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r') {
      if (input[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record lacks its CRLF');
  return rows;
}

const vm = buildFixtureViewModel();
const csv = renderCsvReport(vm);
const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
const cell = (number: number, name: (typeof CSV_COLUMNS)[number]) => rows[number - 1]?.[column(name)];

describe('CSV report', () => {
  it('starts with a UTF-8 BOM (for Excel) and a header row, then one row per claim', () => {
    expect(csv.startsWith('\uFEFFnumber,id,quote,')).toBe(true);
    expect(renderCsvReport(vm, { bom: false }).startsWith('number,')).toBe(true);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(vm.claims.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('uses CRLF between records and keeps LF inside quoted cells', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(cell(1, 'rationale')).toBe(vm.claims[0]?.rationale);
    expect(cell(1, 'rationale')).toContain('\n');
  });

  it('round-trips every cell (formula cells get a leading apostrophe)', () => {
    for (const [i, claim] of vm.claims.entries()) {
      const row = rows[i] ?? [];
      expect(row[column('number')]).toBe(String(claim.number));
      expect(row[column('id')]).toBe(claim.id);
      expect(row[column('quote')]).toBe(neutraliseFormula(claim.quote.exact));
      expect(row[column('claim')]).toBe(neutraliseFormula(claim.claimText));
      expect(row[column('claimant')]).toBe(neutraliseFormula(claim.claimant));
      expect(row[column('rationale')]).toBe(neutraliseFormula(claim.rationale));
      expect(row[column('orphaned')]).toBe(claim.orphaned ? 'yes' : 'no');
      expect(row[column('created_at')]).toBe(claim.createdAt);
    }
    expect(cell(5, 'quote')).toBe('He also wrote <script>alert(1)</script> in a post');
    expect(cell(5, 'claimant')).toBe('Tom "the <b>bold</b>" Doe');
    expect(cell(5, 'sources')).toBe('javascript:alert(1) | https://archive.example.org/post?id=1&view=<full>');
    expect(cell(1, 'reviewers')).toBe('لیلا احمدی: False; Sara Lindqvist: Mostly false');
  });

  it('neutralises formula injection', () => {
    expect(cell(6, 'quote')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell(6, 'claim')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell(6, 'claimant')).toBe(`'@everyone`);
    expect(cell(6, 'rationale')?.startsWith(`'+1 for creativity`)).toBe(true);
    expect(cell(5, 'rationale')?.startsWith(`'-1 point`)).toBe(true);
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^(?:\s*[=+\-@]|[\t\r])/);
  });

  it.each([
    ['  =HYPERLINK("http://evil.example")', `"'  =HYPERLINK(""http://evil.example"")"`],
    [' +cmd', `' +cmd`],
    ['\u00a0-2+3', `'\u00a0-2+3`],
    ['\n@SUM(A1)', `"'\n@SUM(A1)"`],
    ['\r\n=1', `"'\r\n=1"`],
    ['\tplain text', `'\tplain text`],
    ['\rplain', `"'\rplain"`],
    ['\uFF1D1+1', `'\uFF1D1+1`],
    ['\uFF20everyone', `'\uFF20everyone`],
    [' -5', `' -5`],
    ['  plain = text', '  plain = text'],
    ['a=b', 'a=b'],
  ])('neutralises a formula after leading whitespace: csvCell(%j) is %j', (input, expected) => expect(csvCell(input)).toBe(expected));

  it.each([
    ['=1+1', `'=1+1`],
    ['+cmd', `'+cmd`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTAB', `'\tTAB`],
    ['\r=x', `"'\r=x"`],
    ['-5', '-5'],
    ['4.5', '4.5'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['', ''],
  ])('csvCell(%j) is %j', (input, expected) => expect(csvCell(input)).toBe(expected));

  it('shows Pending for claims without a final verdict and leaves the value empty for non-ordinal levels', () => {
    expect(cell(4, 'final_verdict')).toBe('Pending');
    expect(cell(4, 'verdict_value')).toBe('');
    expect(cell(3, 'final_verdict')).toBe('Unproven');
    expect(cell(3, 'verdict_value')).toBe('');
    expect(cell(1, 'verdict_value')).toBe('0');
    expect(cell(2, 'verdict_value')).toBe('4');
  });

  it('preserves RTL text, ZWNJ and emoji', () => {
    expect(cell(2, 'quote')).toContain('پایین\u200cترین');
    expect(cell(3, 'quote')).toContain('🚀');
    expect(cell(1, 'claim')).toContain('🙂');
  });

  it('does not leak e-mail addresses', () => {
    expect(csv).not.toContain('@example.org');
  });
});

describe('CSV report of a published fact-check', () => {
  const published = buildPublishedFixtureViewModel();
  const [head, ...records] = parseCsv(renderCsvReport(published, { bom: false }));
  const byNumber = (n: number) => records.find((r) => r[column('number')] === String(n)) ?? [];

  it('numbers rows by the stable claim number, listed in text order', () => {
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(records.map((r) => r[column('number')])).toEqual(['1', '2', '8', '3', '4', '5', '6', '7']);
  });

  it('gives the exclusion reason of excluded claims and leaves it empty for the others', () => {
    expect(byNumber(8)[column('excluded_reason')]).toBe('Attribution only <not> a factual claim.');
    expect(records.filter((r) => r[column('excluded_reason')] !== '')).toHaveLength(1);
  });

  it('says public or internal for each source, in the order of the sources column', () => {
    expect(byNumber(5)[column('sources')]).toBe('javascript:alert(1) | https://archive.example.org/post?id=1&view=<full>');
    expect(byNumber(5)[column('source_visibility')]).toBe('internal | public');
    expect(byNumber(6)[column('source_visibility')]).toBe('public | internal');
    expect(byNumber(3)[column('source_visibility')]).toBe('');
  });

  it('lists right-of-reply attempts with contacts and “No response”', () => {
    expect(byNumber(1)[column('right_of_reply')]).toBe(
      '2024-03-06 Email (Ministry press office (press desk <office>)): The minister was quoting the figure for one province. | 2024-03-06 Phone (Spokesperson, mobile +98 21 5550 0100): No response',
    );
    expect(byNumber(2)[column('right_of_reply')]).toBe('');
  });

  it('for the public audience: no excluded claims, internal sources, contacts or reviewers', () => {
    const [, ...pub] = parseCsv(renderCsvReport({ ...published, audience: 'public' }, { bom: false }));
    expect(pub.map((r) => r[column('number')])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const row5 = pub.find((r) => r[column('number')] === '5') ?? [];
    expect(row5[column('sources')]).toBe('https://archive.example.org/post?id=1&view=<full>');
    expect(row5[column('reviewers')]).toBe('');
    const row1 = pub.find((r) => r[column('number')] === '1') ?? [];
    expect(row1[column('right_of_reply')]).toBe('2024-03-06 Email: The minister was quoting the figure for one province.');
  });
});

describe('CSV report with multi-part claims', () => {
  const multi = buildMultiPartFixtureViewModel();
  const [header, ...rows] = parseCsv(renderCsvReport(multi, { bom: false }));
  const col = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);
  const row = (n: number) => rows.find((r) => r[col('number')] === String(n))!;

  it("puts a multi-part claim's parts joined by ' … ' in the quote column", () => {
    const twoPart = multi.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;
    expect(row(FIXTURE_TWO_PART_CLAIM_NUMBER)[col('quote')]).toBe(`${twoPart.parts![0]!.quote.exact} … Exports grew 🚀 by 12%`);
    expect(row(FIXTURE_TWO_PART_CLAIM_NUMBER)[col('orphaned')]).toBe('no');
  });

  it('says `partial` for a claim with a part gone, `yes` when all of it is', () => {
    expect(row(FIXTURE_PARTIAL_CLAIM_NUMBER)[col('quote')]).toBe(`${FIXTURE_GONE_PART} … appeared in a caption`);
    expect(row(FIXTURE_PARTIAL_CLAIM_NUMBER)[col('orphaned')]).toBe('partial');
    expect(row(7)[col('orphaned')]).toBe('yes');
    expect(rows.filter((r) => r[col('orphaned')] === 'no')).toHaveLength(multi.claims.length - 2);
  });

  it('neutralises a part that starts a formula', () => {
    const hostile = renderCsvReport({ ...multi, claims: multi.claims.map((c) => (c.parts ? { ...c, parts: c.parts.map((p) => ({ ...p, quote: { ...p.quote, exact: '=1+1' } })) } : c)) }, { bom: false });
    const [h, ...r] = parseCsv(hostile);
    expect(r.find((x) => x[h!.indexOf('number')] === String(FIXTURE_TWO_PART_CLAIM_NUMBER))![h!.indexOf('quote')]).toBe("'=1+1 … =1+1");
  });
});
