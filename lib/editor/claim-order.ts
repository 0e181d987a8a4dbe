/**
 * Claims in reading order: by start, the longer first when two start together (so an outer claim
 * precedes the one nested in it), claims with no place in the text (orphans) last. The workbench's
 * numbering and every report use this, so claim numbers never differ between them.
 */
export function orderClaimsByText<T extends { id: string }>(claims: readonly T[], ranges: ReadonlyMap<string, { start: number; end: number }>): T[] {
  const placed = claims.filter((c) => ranges.has(c.id));
  placed.sort((a, b) => ranges.get(a.id)!.start - ranges.get(b.id)!.start || ranges.get(b.id)!.end - ranges.get(a.id)!.end);
  return [...placed, ...claims.filter((c) => !ranges.has(c.id))];
}
