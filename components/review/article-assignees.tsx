'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { useAssignments } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { AssignmentDto } from '@/lib/domain/review';
import { can } from '@/lib/auth/permissions';
import { assignReviewer, unassignReviewer, useAssignmentsChanged } from './assignment-actions';

/** Reviewers assigned the whole article: every claim in it lands in their queue. */
export function ArticleAssignees() {
  const articleId = useWorkbench((s) => s.articleId);
  const members = useWorkbench((s) => s.members);
  const canAssign = useWorkbench((s) => can(s.user.role, 'claim:assign'));
  const assignments = useAssignments();
  const onChanged = useAssignmentsChanged();
  const [choice, setChoice] = useState('');
  const whole = assignments.filter((a) => a.claimId === null);
  const assigned = new Set(whole.map((a) => a.assigneeId));
  const candidates = members.filter((m) => m.role !== 'viewer' && !assigned.has(m.userId));
  if (!canAssign && whole.length === 0) return null;

  async function assign() {
    if (!choice || !(await assignReviewer(articleId, null, choice))) return;
    setChoice('');
    notifySuccess('Article assigned.');
    onChanged();
  }

  async function unassign(assignment: AssignmentDto) {
    if (await unassignReviewer(assignment)) onChanged();
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="article-assignees">
      <span className="font-semibold text-[var(--color-ink)]">Article assigned to</span>
      {whole.length === 0 && <span className="text-[var(--color-muted)]">nobody</span>}
      {whole.map((a) => (
        <span key={a.id} className="inline-flex items-center gap-0.5 rounded-full bg-gray-100 py-0.5 pr-0.5 pl-2">
          {a.assigneeName}
          {canAssign && (
            <button type="button" onClick={() => void unassign(a)} aria-label={`Unassign ${a.assigneeName} from the article`} className="rounded-full px-1.5 text-gray-500 hover:bg-gray-200">
              ×
            </button>
          )}
        </span>
      ))}
      {canAssign && candidates.length > 0 && (
        <span className="ml-auto flex gap-1">
          <label className="sr-only" htmlFor="assign-article">
            Assign the article to
          </label>
          <select id="assign-article" value={choice} onChange={(e) => setChoice(e.target.value)} className="h-7 rounded-md border border-[var(--color-line)] bg-white px-1.5 text-xs">
            <option value="">Assign article…</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" className="h-7" onClick={() => void assign()} disabled={!choice}>
            Assign
          </Button>
        </span>
      )}
    </div>
  );
}
