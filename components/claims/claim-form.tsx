'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { useZodForm } from '@/components/ui/form';
import { useArticleLocked } from '@/components/workbench/queries';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import type { ClaimDraft } from './claim-draft';
import { FieldError, textFieldProps } from './claim-form-fields';
import { ClaimDecisionFields } from './claim-decision-fields';
import { claimFormSchema } from './claim-form-schema';
import { ClaimQuote } from './claim-quote';
import { ConflictNotice } from './conflict-notice';
import { useClaimEdits } from './use-claim-edits';

/**
 * The claim's details: statement, claimant, when and where, decision, assignment; saved with
 * optimistic concurrency. Read-only while the article is published or retracted.
 */
export function ClaimForm({ claim, number }: { claim: ClaimDto; number: number }) {
  const user = useWorkbench((s) => s.user);
  const orphaned = useWorkbench((s) => !s.ranges.has(claim.id));
  const edits = useClaimEdits(claim);
  const idBase = useId();
  const locked = useArticleLocked();
  const editable = can(user.role, 'claim:update') && !locked;
  const mayDelete = claim.authorId === user.id || can(user.role, 'article:edit');
  // The values live in the workbench store (kept per claim); the form checks them with the server's rules.
  const form = useZodForm(claimFormSchema, { values: edits.draft, resetOptions: { keepErrors: true } });
  const errors = form.formState.errors;
  const text = <K extends keyof ClaimDraft>(key: K) => textFieldProps(key, edits, errors, idBase, !editable);

  return (
    <form onSubmit={(event) => void form.handleSubmit(() => edits.save())(event)} className="space-y-5 px-5 py-5" aria-label={`Claim ${number}`} noValidate>
      <ClaimQuote claim={claim} orphaned={orphaned} />
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Claim statement</span>
        <textarea {...text('claimText')} rows={3} dir="auto" />
        <FieldError id={`${idBase}-claimText-error`} message={errors.claimText?.message} />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="col-span-2 block">
          <span className="mb-1 block text-sm font-medium">Claimant</span>
          <input {...text('claimant')} placeholder="Who made the claim" />
          <FieldError id={`${idBase}-claimant-error`} message={errors.claimant?.message} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Date made</span>
          <input type="date" {...text('claimDate')} />
          <FieldError id={`${idBase}-claimDate-error`} message={errors.claimDate?.message} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Where made</span>
          <input {...text('claimAppearance')} placeholder="URL or venue" />
          <FieldError id={`${idBase}-claimAppearance-error`} message={errors.claimAppearance?.message} />
        </label>
      </div>
      <ClaimDecisionFields claim={claim} edits={edits} errors={errors} idBase={idBase} editable={editable} />
      {edits.conflict && <ConflictNotice mine={edits.draft} theirs={edits.conflict} onKeepTheirs={edits.discard} onReapplyMine={() => edits.reapply(edits.conflict!)} />}
      <p role="alert" aria-live="assertive" className="text-sm text-red-700 empty:hidden">
        {edits.error}
      </p>
      {editable && (
        <div className="flex items-center gap-2">
          <Button type="submit" disabled={edits.saving || !edits.dirty || edits.conflict !== null}>
            {edits.saving ? 'Saving…' : 'Save claim'}
          </Button>
          {edits.dirty && !edits.saving && <span className="text-xs text-[var(--color-muted)]">Unsaved changes</span>}
          {mayDelete && !claim.firstPublishedAt && (
            <Button variant="danger" size="sm" className="ml-auto" onClick={() => void edits.remove(number)}>
              Delete claim
            </Button>
          )}
        </div>
      )}
      {editable && mayDelete && claim.firstPublishedAt && (
        <p className="text-xs text-[var(--color-muted)]" data-testid="claim-published-note">
          Claim {number} has been published, so it cannot be deleted. Exclude it from the fact-check instead.
        </p>
      )}
      <p className="text-xs text-[var(--color-muted)]">
        Marked by {claim.authorName ?? 'a former member'} · updated <LocalTime iso={claim.updatedAt} style="medium" />
      </p>
    </form>
  );
}
