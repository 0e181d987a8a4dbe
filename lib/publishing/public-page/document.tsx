/**
 * The shell of every public page: a standalone HTML5 document with its sharing metadata (Open
 * Graph, Twitter card, canonical link, feed link), the report stylesheet plus the public additions,
 * and at most one JSON-LD data block. No script runs; React escapes every piece of text.
 */
import type { ReactNode } from 'react';
import { REPORT_CSS } from '@/lib/export/html-styles';
import { DOCUMENT_META_CSP } from './headers';
import { PUBLIC_CSS } from './styles';
import { FAVICON_DATA_URI } from './favicon';

export interface DocumentMeta {
  title: string;
  shareTitle: string;
  description: string;
  /** Absolute URL of the page (canonical, og:url); null for pages without one (not found). */
  canonical: string | null;
  siteName: string;
  /** Atom feed of the workspace's fact-checks. */
  feed?: { url: string; title: string } | null;
  /** ISO datetimes for article:published_time / article:modified_time. */
  publishedTime?: string | null;
  modifiedTime?: string | null;
  noindex: boolean;
  /** Script-safe JSON (toScriptSafeJson) for one <script type="application/ld+json">. */
  jsonLd?: string | null;
}

export function PublicDocument({ meta, children }: { meta: DocumentMeta; children?: ReactNode }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta httpEquiv="Content-Security-Policy" content={DOCUMENT_META_CSP} />
        <meta name="generator" content="Claimdesk" />
        <link rel="icon" type="image/svg+xml" href={FAVICON_DATA_URI} />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.canonical && <link rel="canonical" href={meta.canonical} />}
        {meta.feed && <link rel="alternate" type="application/atom+xml" title={meta.feed.title} href={meta.feed.url} />}
        {meta.canonical && (
          <>
            <meta property="og:type" content="article" />
            <meta property="og:title" content={meta.shareTitle} />
            <meta property="og:description" content={meta.description} />
            <meta property="og:url" content={meta.canonical} />
            <meta property="og:site_name" content={meta.siteName} />
            {meta.publishedTime && <meta property="article:published_time" content={meta.publishedTime} />}
            {meta.modifiedTime && <meta property="article:modified_time" content={meta.modifiedTime} />}
            <meta name="twitter:card" content="summary" />
            <meta name="twitter:title" content={meta.shareTitle} />
            <meta name="twitter:description" content={meta.description} />
          </>
        )}
        {/* Our own constants, never user text. */}
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS + PUBLIC_CSS }} />
        {/* Data, not script (never executed); toScriptSafeJson escapes "<", so it cannot close the tag. */}
        {meta.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.jsonLd }} />}
      </head>
      <body>{children}</body>
    </html>
  );
}
