import { useQueryClient } from '@tanstack/react-query';
import { notifyError } from '@/components/ui/notify';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { AssignmentDto } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';

/** Assign a claim (or, with claimId null, the whole article); true when it worked. */
export async function assignReviewer(articleId: string, claimId: string | null, assigneeId: string): Promise<boolean> {
  const result = await apiFetch('/api/assignments', { method: 'POST', body: { articleId, ...(claimId ? { claimId } : {}), assigneeId } });
  if (!result.ok) notifyError(result.error.message);
  return result.ok;
}

export async function unassignReviewer(assignment: AssignmentDto): Promise<boolean> {
  const result = await apiFetch(`/api/assignments/${assignment.id}`, { method: 'DELETE' });
  if (!result.ok) notifyError(result.error.message);
  return result.ok;
}

/** After an own change: refetch the article's assignments (they feed the list, the panel and the queue). */
export function useAssignmentsChanged(): () => void {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  return () => void client.invalidateQueries({ queryKey: queryKeys.assignments(articleId), exact: true });
}
