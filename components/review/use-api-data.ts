'use client';

import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client';

export interface ApiData<T> {
  data: T | null;
  error: string | null;
  /** Fetch again now (after this user's own change). */
  reload: () => void;
}

/**
 * GETs `url` when it or `refreshKey` changes (a live event bumps the key). A response that
 * arrives after a newer request started is dropped, so a slow answer never overwrites a fresh one.
 */
export function useApiData<T>(url: string, refreshKey: number): ApiData<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    void apiFetch<T>(url).then((result) => {
      if (!current) return;
      setState((s) => (result.ok ? { data: result.data, error: null } : { data: s.data, error: result.error.message }));
    });
    return () => {
      current = false;
    };
  }, [url, refreshKey, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...state, reload };
}
