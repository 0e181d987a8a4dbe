'use client';

import { useClaims } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { ClaimDetail } from './claim-detail';
import { ClaimList } from './claim-list';

/** The right-hand panel: the open claim, or the list of all claims. */
export function ClaimPanel() {
  const activeId = useWorkbench((s) => s.activeId);
  const active = useClaims().find((c) => c.id === activeId) ?? null;
  return (
    <aside aria-label="Claims" className="bg-white lg:sticky lg:top-14 lg:h-[calc(100vh-3.5rem)] lg:overflow-y-auto" data-testid="claim-panel">
      {active ? <ClaimDetail key={active.id} claim={active} /> : <ClaimList />}
    </aside>
  );
}
