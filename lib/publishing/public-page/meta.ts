/**
 * Titles and descriptions of the public pages (the <title>, Open Graph and Twitter card tags, the
 * feed's summaries): plain text, built from the public snapshot. Escaping is the renderer's job.
 */
import { claimQuote } from '@/lib/export/claim-parts';
import { checkerName, PENDING_LABEL } from '@/lib/export/format';
import { summarizeVerdicts } from '@/lib/export/summary';
import type { ReportClaim, ReportViewModel } from '@/lib/export/view-model';

/** Collapses whitespace and cuts at a word boundary with an ellipsis, at most `max` characters. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  // Cut inside a word: back to the end of the previous one (unless that loses too much).
  const atWord = /\s/.test(chars[max - 1]!) ? cut : cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= cut.length * 0.6 ? atWord : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "3 claims checked: 2 False, 1 Misleading." — verdicts in scale order, pending last. */
export function verdictTally(vm: ReportViewModel): string {
  const summary = summarizeVerdicts(vm);
  const claimsWord = summary.total === 1 ? 'claim' : 'claims';
  if (summary.total === 0) return 'No claims checked.';
  const parts = summary.rows.filter((row) => row.count > 0).map((row) => `${row.count} ${row.label}`);
  return `${summary.total} ${claimsWord} checked: ${parts.join(', ')}.`;
}

/** The claim's statement, or the quoted words when no statement was written (a multi-part claim's parts joined by ' … '). */
export function claimStatement(claim: Pick<ReportClaim, 'claimText' | 'quote' | 'position' | 'start' | 'end' | 'orphaned' | 'parts'>): string {
  return claim.claimText.trim() || claimQuote(claim).trim();
}

export function verdictLabel(claim: Pick<ReportClaim, 'finalVerdict'>): string {
  return claim.finalVerdict?.label ?? PENDING_LABEL;
}

export interface PageText {
  /** The document <title>. */
  title: string;
  /** og:title / twitter:title. */
  shareTitle: string;
  description: string;
}

export function articlePageText(vm: ReportViewModel): PageText {
  const org = checkerName(vm.workspace);
  const title = vm.article.title.trim() || 'Untitled article';
  const source = [vm.article.outlet.trim(), vm.article.byline.trim() && `by ${vm.article.byline.trim()}`].filter(Boolean).join(' ');
  return {
    title: `Fact-check: ${truncate(title, 120)} · ${org}`,
    shareTitle: `Fact-check: ${truncate(title, 90)}`,
    description: truncate(`${org} checked ${source ? `the article by ${source}` : 'this article'}. ${verdictTally(vm)}`, 200),
  };
}

export function claimPageText(vm: ReportViewModel, claim: ReportClaim): PageText {
  const org = checkerName(vm.workspace);
  const verdict = verdictLabel(claim);
  const statement = truncate(claimStatement(claim), 110);
  const who = claim.claimant.trim();
  const rationale = claim.rationale.trim();
  return {
    title: `${verdict}: “${statement}” · ${org}`,
    shareTitle: `${verdict}: “${truncate(claimStatement(claim), 80)}”`,
    description: truncate(`${who ? `${who} claimed` : 'Claim'}: “${statement}” Verdict: ${verdict}.${rationale ? ` ${rationale}` : ''}`, 200),
  };
}
