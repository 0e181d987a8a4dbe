'use client';

import type { FieldErrors } from 'react-hook-form';
import { ClaimAssignees } from '@/components/review/claim-assignees';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { HIDDEN_UNTIL_REVEAL } from '@/lib/review/verdict-visibility';
import { useVerdicts } from '@/components/workbench/queries';
import { availableClaimTransitions } from '@/lib/review/workflow';
import type { ClaimFormInput } from './claim-form-schema';
import { FieldError, textFieldProps } from './claim-form-fields';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import type { useClaimEdits } from './use-claim-edits';
import { VerdictPicker } from './verdict-picker';

export interface ClaimDecisionFieldsProps {
  claim: ClaimDto;
  edits: ReturnType<typeof useClaimEdits>;
  errors: FieldErrors<ClaimFormInput>;
  idBase: string;
  editable: boolean;
}

/** Final verdict, assignees, rationale and status; under blind review the decision stays hidden until I vote. */
export function ClaimDecisionFields({ claim, edits, errors, idBase, editable }: ClaimDecisionFieldsProps) {
  const levels = useWorkbench((s) => s.levels);
  const role = useWorkbench((s) => s.user.role);
  const canSetFinal = can(role, 'verdict:final');
  const text = (key: 'rationale' | 'status') => textFieldProps(key, edits, errors, idBase, !editable);
  return (
    <>
      {claim.verdictHidden ? (
        // A picker would show "Pending" selected, which is not what the claim says.
        <div data-testid="final-verdict-hidden">
          <p className="mb-1 text-sm font-medium">Final verdict</p>
          <p className="rounded-md border border-dashed border-[var(--color-line)] bg-gray-50 px-3 py-2 text-sm text-[var(--color-muted)]">
            <HiddenDecisionReason claimId={claim.id} />
          </p>
        </div>
      ) : (
        <VerdictPicker
          levels={levels}
          value={edits.draft.verdictId}
          onChange={(id) => edits.set('verdictId', id)}
          disabled={!canSetFinal || !editable}
          legend="Final verdict"
          hint={canSetFinal ? 'What the published report says.' : 'Set by an editor; it is what the published report says.'}
        />
      )}
      <ClaimAssignees claimId={claim.id} />
      {claim.status === null ? (
        // Blind review: the rationale and status would reveal the decision until I give my verdict.
        <dl className="space-y-3" data-testid="claim-decision-hidden">
          {['Rationale', 'Status'].map((name) => (
            <div key={name}>
              <dt className="mb-1 text-sm font-medium">{name}</dt>
              <dd className="rounded-md border border-dashed border-[var(--color-line)] bg-gray-50 px-3 py-2 text-sm text-[var(--color-muted)]">
                <HiddenDecisionReason claimId={claim.id} short />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <>
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Rationale</span>
            <textarea {...text('rationale')} rows={5} placeholder="Why this verdict? Cite what the sources show." dir="auto" />
            <FieldError id={`${idBase}-rationale-error`} message={errors.rationale?.message} />
          </label>
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Status</span>
            <select {...text('status')}>
              {[claim.status, ...availableClaimTransitions(role, claim.status).map((t) => t.to)].map((s) => (
                <option key={s} value={s}>
                  {CLAIM_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <FieldError id={`${idBase}-status-error`} message={errors.status?.message} />
          </label>
        </>
      )}
    </>
  );
}

/**
 * Why the decision is hidden (rendered only when it is): blind review until I vote, or a review
 * session's open vote until the lead reveals (lib/review/verdict-visibility.ts). The verdict list
 * says which (`voteOpen`); it is the Verdicts tab's query, so usually already loaded.
 */
function HiddenDecisionReason({ claimId, short = false }: { claimId: string; short?: boolean }) {
  const voteOpen = useVerdicts(claimId).data?.voteOpen ?? false;
  if (voteOpen) return <>{short ? HIDDEN_UNTIL_REVEAL : `${HIDDEN_UNTIL_REVEAL}: a review session’s vote is in progress.`}</>;
  return <>{short ? HIDDEN_UNTIL_VERDICT : `${HIDDEN_UNTIL_VERDICT} (Verdicts tab): blind review.`}</>;
}
