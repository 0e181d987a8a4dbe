'use client';

import { useState } from 'react';
import { useAgreement } from '@/components/workbench/queries';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * Inter-reviewer agreement on this article: percent agreement and Fleiss' kappa, with how to read
 * them. Claims under an open review-session vote are left out (for everyone) until the reveal.
 */
export function AgreementCard() {
  const [open, setOpen] = useState(false);
  const agreement = useAgreement().data ?? null;

  if (!agreement) return null;
  return (
    <div className="rounded-lg border border-[var(--color-line)] bg-gray-50 px-3 py-2 text-xs" data-testid="agreement">
      <button type="button" className="flex w-full items-center gap-3 text-left" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="font-semibold whitespace-nowrap text-[var(--color-ink)]">Reviewer agreement</span>
        {agreement.items === 0 ? (
          <span className="text-[var(--color-muted)]">needs two verdicts on a claim</span>
        ) : (
          <>
            <span>
              <span className="font-semibold tabular-nums" data-testid="percent-agreement">
                {percent(agreement.percentAgreement)}
              </span>{' '}
              agree
            </span>
            <span>
              κ <span className="font-semibold tabular-nums" data-testid="kappa">{agreement.kappa === null ? '—' : agreement.kappa.toFixed(2)}</span> {agreement.interpretation.label && `(${agreement.interpretation.label})`}
            </span>
          </>
        )}
        <span aria-hidden className="ml-auto text-[var(--color-muted)]">
          {open ? '▴' : '▾'}
        </span>
      </button>
      {agreement.voteOpenClaimIds.length > 0 && (
        <p role="status" className="mt-1.5 text-amber-900" data-testid="agreement-vote-notice">
          Vote in progress — verdicts are hidden until the lead reveals them
          {agreement.voteOpenClaimIds.length === 1 ? '; that claim is left out of the agreement.' : `; ${agreement.voteOpenClaimIds.length} claims are left out of the agreement.`}
        </p>
      )}
      {open && (
        <div className="mt-2 space-y-1.5 text-[var(--color-muted)]">
          <p>
            Over {agreement.items} claim{agreement.items === 1 ? '' : 's'} with two or more reviewer verdicts ({agreement.ratings} verdicts; {agreement.claimsTotal} claims in all).
          </p>
          <p>
            <strong className="text-[var(--color-ink)]">Percent agreement</strong> is the share of reviewer pairs who gave the same verdict. <strong className="text-[var(--color-ink)]">Fleiss’ kappa</strong> corrects it for agreement expected by chance: 1 is perfect, 0 is no better than chance.
          </p>
          <p>{agreement.interpretation.note}</p>
        </div>
      )}
    </div>
  );
}
