import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';

/**
 * The blind-review rule: with blind review on, you see others' verdicts only once you have given
 * yours, unless you are the one who sets the final verdict (editor, owner).
 */
export function canSeeOthersVerdicts(role: Role | null, blindReview: boolean, hasOwnVerdict: boolean): boolean {
  return !blindReview || hasOwnVerdict || can(role, 'verdict:final');
}
