/**
 * What the public pages add to the report stylesheet (lib/export/html-styles.ts): banners and the
 * retraction notice, the publication line, navigation, the claim page's verdict and context, and
 * their print rules. Our own constant, inlined (the CSP allows inline styles only).
 */
export const PUBLIC_CSS = `
.preview-banner { margin: 0; padding: .55rem 1rem; background: #fff4cc; color: #5c4300; border-bottom: 3px solid var(--accent); font: 700 .9rem/1.3 var(--sans); text-align: center; letter-spacing: .02em; }
.publine { margin: .7rem 0 0; font-size: .88rem; color: #c9cfdb; }
.publine time { color: var(--band-ink); font-weight: 600; }
.publine .sep { margin: 0 .45em; color: #7d879c; }
.masthead .kicker a { color: inherit; text-decoration: none; }
.masthead h1, .dek, .crumbs, .verdict-box, .not-found { overflow-wrap: anywhere; }
.masthead .dek a { color: var(--band-ink); }

/* The report's retraction notice (lib/export/report-html/masthead.tsx), made unmissable on a public page. */
.notice.retraction { border-width: 2px; border-left-width: 8px; padding-bottom: 1rem; }
.notice.retraction h2 { font: 700 1.1rem/1.3 var(--sans); letter-spacing: 0; text-transform: none; }
.notice.retraction h2::after { content: none; }

.crumbs { margin: 1.1rem 0 0; font-size: .9rem; }
.crumbs a { font-weight: 600; }
.permalink { margin: -.55rem 0 1.1rem; font-size: .84rem; text-align: right; }

.verdict-box { margin: 1.4rem 0 0; padding: 1rem 1.2rem; border: 1px solid var(--rule); border-left: 6px solid var(--v); border-radius: 6px; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
.verdict-box .label { font: 700 .72rem/1.2 var(--sans); letter-spacing: .12em; text-transform: uppercase; color: var(--muted); }
.verdict-box .chip { font-size: 1rem; padding: .3rem .95rem; }
.verdict-box .who { flex-basis: 100%; margin: 0; color: var(--ink-soft); font-size: .92rem; }
.context { margin: 0; padding: .9rem 1.1rem; background: #fcfcfb; border: 1px solid var(--rule); border-radius: 6px; font: 1.02rem/1.8 var(--serif); overflow-wrap: anywhere; }
.context mark { background: var(--fill); color: inherit; border-bottom: 2px solid var(--line); padding: 0 .05em; }
.context .gap { color: var(--muted); }
.context mark.part-gone { background: none; border-bottom-style: dotted; }

.not-found { padding: 4rem 0; text-align: center; }
.not-found h1 { font: 700 1.6rem/1.3 var(--serif); margin: 0 0 .6rem; }
.not-found p { color: var(--ink-soft); }

@media (max-width: 640px) {
  .wrap { padding: 0 1rem; }
  .permalink { text-align: left; }
  .verdict-box .chip { font-size: .9rem; }
}

@media print {
  .preview-banner { border: 2px solid var(--accent); }
  .crumbs, .permalink, .feed-link { display: none; }
  .verdict-box { break-inside: avoid; page-break-inside: avoid; }
  .publine { color: inherit; }
}
`;
