import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain/roles';
import { canSeeOthersVerdicts } from './verdict-visibility';

describe('canSeeOthersVerdicts', () => {
  const cases: Array<[role: Role | null, blindReview: boolean, hasOwnVerdict: boolean, sees: boolean]> = [
    // Without blind review everyone who can read the article sees every verdict.
    ['reviewer', false, false, true],
    ['viewer', false, false, true],
    [null, false, false, true],
    // Under blind review a reviewer sees the others only after voting.
    ['reviewer', true, false, false],
    ['reviewer', true, true, true],
    // Viewers never vote, so they never see them; nor does someone without a role.
    ['viewer', true, false, false],
    [null, true, false, false],
    // Those who set the final verdict always see them.
    ['editor', true, false, true],
    ['owner', true, false, true],
  ];
  it.each(cases)('%s, blind review %s, own verdict %s → %s', (role, blindReview, hasOwnVerdict, sees) => {
    expect(canSeeOthersVerdicts(role, blindReview, hasOwnVerdict)).toBe(sees);
  });
});
