/** Brings a claim's highlight into view (after the next paint, so a just-drawn highlight is found). */
export function scrollToClaim(claimId: string, behavior: ScrollBehavior = 'smooth'): void {
  requestAnimationFrame(() => {
    document.querySelector(`.article-body [data-claim-id="${CSS.escape(claimId)}"]`)?.scrollIntoView({ block: 'center', behavior });
  });
}
