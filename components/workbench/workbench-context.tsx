'use client';

import { createContext, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { createWorkbenchStore, type WorkbenchActions, type WorkbenchInit, type WorkbenchState, type WorkbenchStore } from './workbench-store';

const WorkbenchContext = createContext<WorkbenchStore | null>(null);

/** One store per mounted workbench (never module-global: two articles, two tests, two stores). */
export function WorkbenchProvider({ init, children }: { init: WorkbenchInit; children: React.ReactNode }) {
  const [store] = useState(() => createWorkbenchStore(init));
  return <WorkbenchContext.Provider value={store}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(WorkbenchContext);
  if (!store) throw new Error('useWorkbench must be used inside <WorkbenchProvider>.');
  return store;
}

/** A slice of workbench state; the component re-renders only when that slice changes. */
export function useWorkbench<T>(selector: (state: WorkbenchState & WorkbenchActions) => T): T {
  return useStore(useWorkbenchStore(), selector);
}
