// The per-item timebox countdown, the same for everyone whatever their clock says.

/**
 * Seconds left on the current item's timebox (negative once over), or null without a timebox.
 * The client's clock may be off: it counts from the server's clock at the time it received the
 * session view (`serverNow`, received at `receivedAtMs` on the client's clock) plus the time
 * elapsed on the client since (`nowMs - receivedAtMs`). Rounded up, so it reads 0 exactly when
 * the time is up.
 */
export function timeboxRemainingSeconds(args: {
  itemStartedAt: string | null;
  timeboxSeconds: number | null;
  serverNow: string;
  receivedAtMs: number;
  nowMs: number;
}): number | null {
  const { itemStartedAt, timeboxSeconds, serverNow, receivedAtMs, nowMs } = args;
  if (itemStartedAt === null || timeboxSeconds === null || !Number.isFinite(timeboxSeconds)) return null;
  const started = Date.parse(itemStartedAt);
  const server = Date.parse(serverNow);
  if (Number.isNaN(started) || Number.isNaN(server) || !Number.isFinite(receivedAtMs) || !Number.isFinite(nowMs)) return null;
  const serverNowMs = server + Math.max(0, nowMs - receivedAtMs);
  const remaining = Math.ceil(timeboxSeconds - (serverNowMs - started) / 1000);
  return remaining === 0 ? 0 : remaining; // no "-0"
}

/** "4:05"; "-0:12" when over; "1:02:03" from an hour. */
export function formatCountdown(seconds: number): string {
  if (!Number.isFinite(seconds)) return '0:00';
  const whole = Math.trunc(seconds);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}
