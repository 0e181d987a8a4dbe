/**
 * Addresses of the public fact-check pages Claimdesk serves (app/fact-checks/…) and of the
 * dereferenceable W3C annotations (app/annotations/…). Pure, so exports, pages and tests agree.
 */
function base(appUrl: string): string {
  return appUrl.replace(/\/+$/, '');
}

/** /fact-checks/<workspace-slug>/<article-slug> */
export function publicArticleUrl(appUrl: string, workspaceSlug: string, articleSlug: string): string {
  return `${base(appUrl)}/fact-checks/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(articleSlug)}`;
}

/** /fact-checks/<workspace-slug>/<article-slug>/claims/<number> */
export function publicClaimUrl(appUrl: string, workspaceSlug: string, articleSlug: string, claimNumber: number): string {
  return `${publicArticleUrl(appUrl, workspaceSlug, articleSlug)}/claims/${claimNumber}`;
}

export function publicSitemapUrl(appUrl: string, workspaceSlug: string): string {
  return `${base(appUrl)}/fact-checks/${encodeURIComponent(workspaceSlug)}/sitemap.xml`;
}

export function publicFeedUrl(appUrl: string, workspaceSlug: string): string {
  return `${base(appUrl)}/fact-checks/${encodeURIComponent(workspaceSlug)}/feed.xml`;
}

/** The W3C annotation id of a claim: GET on it returns the annotation (app/annotations/[claimId]). */
export function annotationUrl(appUrl: string, claimId: string): string {
  return `${base(appUrl)}/annotations/${encodeURIComponent(claimId)}`;
}
