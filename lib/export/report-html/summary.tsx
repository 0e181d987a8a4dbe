/** The verdict summary: totals, a distribution bar and a tally per scale level. */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { PENDING_LABEL } from '../format';
import { summarizeVerdicts } from '../summary';
import { verdictColors } from '../verdict-colors';
import type { ReportViewModel } from '../view-model';
import { Chip, HiddenChip } from './bits';

export function Summary({ vm }: { vm: ReportViewModel }) {
  const summary = summarizeVerdicts(vm);
  const rated = summary.total - summary.pending - summary.hidden;
  const claimsWord = summary.total === 1 ? 'claim' : 'claims';
  const hidden = summary.hidden > 0 ? ` · ${summary.hidden} ${HIDDEN_UNTIL_VERDICT.toLowerCase()}` : '';
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">Summary</h2>
      <p className="lede">
        <span className="num">{summary.total}</span>
        {` ${claimsWord} examined · ${rated} rated · ${summary.pending} pending${hidden}`}
      </p>
      {summary.excluded > 0 && <p className="section-note">{`${summary.excluded} more ${summary.excluded === 1 ? 'claim was' : 'claims were'} marked but left out of the fact-check (listed at the end, not counted here).`}</p>}
      {summary.total > 0 && (
        <div className="bar" role="img" aria-label="Verdict distribution">
          {summary.rows
            .filter((row) => row.count > 0)
            .map((row, index) => (
              <span key={index} style={{ flex: row.count, background: verdictColors(row.verdict).solid }} title={`${row.label}: ${row.count}`} />
            ))}
        </div>
      )}
      <ul className="tally">
        {summary.rows.map((row, index) => (
          <li key={index} className={row.count === 0 ? 'zero' : undefined}>
            {row.verdict || row.label === PENDING_LABEL ? <Chip verdict={row.verdict} /> : <HiddenChip />}
            <b>{row.count}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
