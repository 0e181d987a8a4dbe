/** Offsets beyond this are not article positions (the longest articles are far shorter). */
const MAX_OFFSET = 100_000_000;

/**
 * The `?at=<offset>` of an article's URL: where in its plain text (UTF-16 offset, as the search
 * index stores a block's start) to open it. Null when absent or not a whole number. Pure.
 */
export function readTextOffset(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,9}$/.test(text.trim())) return null;
  const offset = Number(text.trim());
  return offset <= MAX_OFFSET ? offset : null;
}
