/**
 * Where a claim library item opens in the app: the library page of its workspace, scrolled to the
 * item's anchor. The workspace is in the address because the page shows one workspace at a time.
 */
export function libraryItemHref(workspaceId: string, itemId: string): string {
  return `/library?workspace=${encodeURIComponent(workspaceId)}#item-${encodeURIComponent(itemId)}`;
}
