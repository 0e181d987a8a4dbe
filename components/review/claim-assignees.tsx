'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useAssignments } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { AssignmentDto } from '@/lib/domain/review';
import { can } from '@/lib/auth/permissions';
import { assignReviewer, unassignReviewer, useAssignmentsChanged } from './assignment-actions';

/** Who this claim is assigned to (directly or via the whole article); editors add and remove. */
export function ClaimAssignees({ claimId }: { claimId: string }) {
  const articleId = useWorkbench((s) => s.articleId);
  const members = useWorkbench((s) => s.members);
  const canAssign = useWorkbench((s) => can(s.user.role, 'claim:assign'));
  const assignments = useAssignments();
  const onChanged = useAssignmentsChanged();
  const [choice, setChoice] = useState('');
  const direct = assignments.filter((a) => a.claimId === claimId);
  const viaArticle = assignments.filter((a) => a.claimId === null);
  const assignedIds = new Set([...direct, ...viaArticle].map((a) => a.assigneeId));
  const candidates = members.filter((m) => m.role !== 'viewer' && !assignedIds.has(m.userId));

  async function assign() {
    if (!choice || !(await assignReviewer(articleId, claimId, choice))) return;
    setChoice('');
    onChanged();
  }

  async function unassign(assignment: AssignmentDto) {
    if (await unassignReviewer(assignment)) onChanged();
  }

  return (
    <div data-testid="claim-assignees">
      <p className="mb-1 text-sm font-medium">Assigned to</p>
      {direct.length + viaArticle.length === 0 && <p className="text-sm text-[var(--color-muted)]">Nobody yet.</p>}
      <ul className="flex flex-wrap gap-1.5">
        {direct.map((a) => (
          <li key={a.id} className="inline-flex items-center gap-1 rounded-full bg-gray-100 py-0.5 pr-1 pl-2.5 text-sm">
            {a.assigneeName}
            {canAssign && (
              <button type="button" onClick={() => void unassign(a)} aria-label={`Unassign ${a.assigneeName}`} className="rounded-full px-1.5 text-gray-500 hover:bg-gray-200">
                ×
              </button>
            )}
          </li>
        ))}
        {viaArticle.map((a) => (
          <li key={a.id} className="inline-flex items-center rounded-full border border-dashed border-gray-300 px-2.5 py-0.5 text-sm text-[var(--color-muted)]" title="Assigned the whole article">
            {a.assigneeName} (article)
          </li>
        ))}
      </ul>
      {canAssign && candidates.length > 0 && (
        <div className="mt-2 flex gap-2">
          <label className="sr-only" htmlFor={`assign-${claimId}`}>
            Assign to
          </label>
          <select id={`assign-${claimId}`} value={choice} onChange={(e) => setChoice(e.target.value)} className="h-8 flex-1 rounded-md border border-[var(--color-line)] bg-white px-2 text-sm">
            <option value="">Assign to…</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} ({m.role})
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" onClick={() => void assign()} disabled={!choice}>
            Assign
          </Button>
        </div>
      )}
    </div>
  );
}
