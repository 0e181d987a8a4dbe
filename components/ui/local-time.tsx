'use client';

import { useSyncExternalStore } from 'react';
import { UTC, formatTimestamp } from '@/lib/format/dates';

const noSubscription = () => () => {};

/**
 * A timestamp in a <time> element. Server HTML and the hydrating render show it in UTC with the
 * zone named; once hydrated (and for anything mounted later) it shows the browser's own zone. So
 * server and client always agree during hydration (the zone rule in lib/format/dates.ts).
 */
export function LocalTime({ iso, style = 'short' }: { iso: string; style?: 'short' | 'medium' }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const text = formatTimestamp(iso, { style, timeZone: inBrowser ? undefined : UTC });
  if (text === null) return null;
  return <time dateTime={iso}>{text}</time>;
}
