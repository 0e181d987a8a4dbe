'use client';

import { useEffect, useState } from 'react';

/**
 * False until React has hydrated. Forms keep their submit button disabled until then: a click
 * before hydration would submit natively and could put a password in a URL.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- flips once after hydration, by design
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
