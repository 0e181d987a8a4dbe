import type { AssignmentDto } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';

type Notify = (text: string, tone?: 'success' | 'error') => void;

/** Assign a claim (or, with claimId null, the whole article); true when it worked. */
export async function assignReviewer(articleId: string, claimId: string | null, assigneeId: string, notify: Notify): Promise<boolean> {
  const result = await apiFetch('/api/assignments', { method: 'POST', body: { articleId, ...(claimId ? { claimId } : {}), assigneeId } });
  if (!result.ok) notify(result.error.message, 'error');
  return result.ok;
}

export async function unassignReviewer(assignment: AssignmentDto, notify: Notify): Promise<boolean> {
  const result = await apiFetch(`/api/assignments/${assignment.id}`, { method: 'DELETE' });
  if (!result.ok) notify(result.error.message, 'error');
  return result.ok;
}
