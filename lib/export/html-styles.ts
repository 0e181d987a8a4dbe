/**
 * The HTML report's only stylesheet: inlined, system fonts only (no network), tuned for both
 * screen and print (A4). Verdict colours arrive per element through CSS custom properties.
 */
export const REPORT_CSS = `
:root {
  --ink: #1c2128;
  --ink-soft: #4b5563;
  --muted: #6b7280;
  --rule: #dde1e6;
  --paper: #ffffff;
  --tint: #f5f6f8;
  --band: #14213d;
  --band-ink: #f4f1ea;
  --accent: #e0a526;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, Tahoma, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "Liberation Serif", "DejaVu Serif", "Times New Roman", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", serif;
  --arabic: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 15px/1.55 var(--sans); }
:lang(fa), :lang(ar), :lang(ur) { font-family: var(--arabic); }
a { color: #1d4ed8; text-decoration-thickness: 1px; text-underline-offset: 2px; }
.wrap { max-width: 52rem; margin: 0 auto; padding: 0 1.5rem; }

/* Masthead band */
.masthead { background: var(--band); color: var(--band-ink); padding: 1.6rem 0 1.5rem; border-bottom: 4px solid var(--accent); }
.kicker { margin: 0 0 .5rem; font-size: .72rem; font-weight: 700; letter-spacing: .14em; text-transform: uppercase; color: var(--accent); }
.kicker span { color: #c9cfdb; font-weight: 600; letter-spacing: .08em; }
.masthead h1 { margin: 0; font: 700 1.85rem/1.25 var(--serif); letter-spacing: -.005em; }
.masthead h1:lang(fa) { font-family: var(--arabic); }
.dek { margin: .55rem 0 0; color: #c9cfdb; font-size: .95rem; }
.dek bdi { color: var(--band-ink); font-weight: 600; }
.dek .sep { margin: 0 .45em; color: #7d879c; }

/* Metadata */
.meta { margin: 1.4rem 0 0; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .8rem 1.5rem; padding-bottom: 1.2rem; border-bottom: 1px solid var(--rule); }
.meta div { min-width: 0; }
.meta .wide { grid-column: 1 / -1; }
.meta .span2 { grid-column: span 2; }
.meta dt { font-size: .68rem; font-weight: 700; letter-spacing: .09em; text-transform: uppercase; color: var(--muted); }
.meta dd { margin: .1rem 0 0; font-size: .9rem; overflow-wrap: anywhere; }

h2 { margin: 2.2rem 0 .8rem; font: 700 .8rem/1.2 var(--sans); letter-spacing: .12em; text-transform: uppercase; color: var(--ink-soft); display: flex; align-items: center; gap: .75rem; }
h2::after { content: ""; flex: 1; height: 1px; background: var(--rule); }

/* Summary */
.lede { margin: 0 0 .8rem; font: 600 1.1rem/1.4 var(--sans); color: var(--ink-soft); }
.lede .num { color: var(--ink); }
.lede .num { font-size: 1.5rem; }
.bar { display: flex; height: .65rem; border-radius: 999px; overflow: hidden; background: var(--tint); margin-bottom: .9rem; }
.bar span { display: block; min-width: 4px; }
.bar span + span { box-shadow: inset 2px 0 0 var(--paper); }
.tally { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .45rem .5rem; }
.tally li { display: inline-flex; align-items: center; gap: .4rem; padding: .2rem .55rem .2rem .25rem; border: 1px solid var(--rule); border-radius: 999px; font-size: .85rem; }
/* Levels nobody got: outlined instead of filled, still legible. */
.tally li.zero { border-style: dashed; }
.tally li.zero .chip { background: transparent; color: var(--ink-soft); box-shadow: inset 0 0 0 1.5px var(--c); }
.tally li.zero b { color: var(--muted); font-weight: 500; }
.tally b { font-variant-numeric: tabular-nums; }

/* Verdict chip */
.chip { display: inline-block; padding: .12rem .6rem; border-radius: 999px; background: var(--c); color: var(--on); font: 700 .75rem/1.4 var(--sans); letter-spacing: .02em; white-space: nowrap; }
.chip.pending { background: var(--paper); color: var(--ink-soft); border: 1px dashed #8c959f; }

/* Annotated article */
.article-body { overflow-wrap: anywhere; font: 1.04rem/1.95 var(--serif); padding: 1.1rem 1.3rem; background: #fcfcfb; border: 1px solid var(--rule); border-radius: 6px; }
.article-body:lang(fa) { font-family: var(--arabic); }
.article-body p { margin: 0 0 1em; }
.article-body p:last-child { margin-bottom: 0; }
/* The article's own structure: headings (h3–h6, below the report's sections), lists, quotes. Logical sides, so RTL lists and quotes mirror. */
.article-body :is(h3, h4, h5, h6) { margin: 1.3em 0 .45em; font-family: inherit; font-weight: 700; line-height: 1.4; letter-spacing: 0; text-transform: none; color: var(--ink); }
.article-body > :is(h3, h4, h5, h6):first-child { margin-top: 0; }
.article-body h3 { font-size: 1.22rem; }
.article-body h4 { font-size: 1.1rem; }
.article-body :is(h5, h6) { font-size: 1rem; }
.article-body :is(ul, ol) { margin: 0 0 1em; padding-inline-start: 1.6em; }
.article-body :is(ul, ol) :is(ul, ol) { margin: .2em 0 0; }
.article-body li { margin: 0 0 .3em; }
.article-body li > p, .article-body li > :is(h3, h4, h5, h6) { margin: 0; }
.article-body li > p + p { margin-top: .4em; }
.article-body blockquote { margin: 0 0 1em; padding: .05em 0; padding-inline-start: 1em; border-inline-start: 3px solid #8c959f; color: #30363d; }
.article-body blockquote > :last-child { margin-bottom: 0; }
.article-body :is(ul, ol, blockquote):last-child { margin-bottom: 0; }
.article-body a[rel] { color: #1d4ed8; }
.hl { background: var(--fill); border-bottom: 2px solid var(--line); padding-bottom: calc(var(--lane) * 3px); -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.hl-pending { border-bottom-style: dashed; }
.mk { font: 700 .66rem/1 var(--sans); margin: 0 .12em; unicode-bidi: isolate; }
.mk a { color: var(--ink-soft); text-decoration: none; }
.credit { margin: .5rem 0 0; font-size: .8rem; color: var(--muted); }

/* Claim cards */
.claim { overflow-wrap: anywhere; margin: 0 0 1.1rem; border: 1px solid var(--rule); border-left: 5px solid var(--v); border-radius: 6px; padding: 1rem 1.2rem 1.05rem; break-inside: avoid; page-break-inside: avoid; }
.claim-head { display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; margin-bottom: .65rem; }
.claim-no { display: inline-grid; place-items: center; min-width: 1.7rem; height: 1.7rem; padding: 0 .3rem; border-radius: 999px; background: var(--ink); color: var(--paper); font: 700 .8rem/1 var(--sans); }
.status { margin-left: auto; font-size: .72rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.claim h3 { margin: 0 0 .55rem; font: 700 1.12rem/1.4 var(--serif); }
.claim h3:lang(fa) { font-family: var(--arabic); }
.quote { margin: 0 0 .7rem; padding: .45rem .8rem; border-inline-start: 3px solid var(--line, var(--rule)); background: var(--fill, var(--tint)); font: italic 1rem/1.65 var(--serif); border-radius: 0 4px 4px 0; }
.quote:lang(fa) { font-style: normal; font-family: var(--arabic); }
.quote p { margin: 0; }
.part-gone { text-decoration: line-through dotted #6b3a00; }
.part-note { font: 600 .72rem/1 var(--sans); font-style: normal; color: #6b3a00; }
.orphan-note { display: inline-block; margin: 0 0 .6rem; padding: .15rem .55rem; border-radius: 4px; background: #fff4e5; color: #8a4b00; font-size: .78rem; font-weight: 600; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem 1.6rem; margin: 0 0 .2rem; font-size: .85rem; }
.facts dt { display: inline; color: var(--muted); font-weight: 600; }
.facts dt::after { content: ":"; }
.facts dd { display: inline; margin: 0 0 0 .3rem; overflow-wrap: anywhere; }
.claim h4 { margin: .9rem 0 .3rem; font: 700 .7rem/1.2 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
.rationale p { margin: 0 0 .5rem; }
.rationale p:last-child { margin-bottom: 0; }
.empty { color: var(--muted); font-style: italic; }
.sources { margin: 0; padding-left: 1.3rem; font-size: .9rem; }
.sources li + li { margin-top: .45rem; }
.sources .pub { color: var(--ink-soft); }
.sources .acc { color: var(--muted); font-size: .8rem; }
.sources blockquote { margin: .25rem 0 0; padding: .1rem .7rem; border-left: 2px solid var(--rule); color: var(--ink-soft); font-family: var(--serif); }
.sources blockquote p { margin: 0; }
.sources a.passage { color: inherit; text-decoration: underline dotted; text-underline-offset: .2em; }
.bad-url { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; color: #8a4b00; overflow-wrap: anywhere; }
.reviews { list-style: none; margin: 0; padding: 0; font-size: .88rem; }
.reviews li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .5rem; padding: .2rem 0; }
.reviews li + li { border-top: 1px dotted var(--rule); }
.reviews .who { font-weight: 600; }
.reviews .why { color: var(--ink-soft); flex-basis: 100%; }
.reviews .chip { font-size: .68rem; }
.section-note { margin: -.2rem 0 .9rem; color: var(--ink-soft); font-size: .9rem; }

/* Internal/public marks, right of reply, notes from the desk, excluded claims */
.vis { display: inline-block; padding: 0 .4rem; border-radius: 3px; font: 700 .62rem/1.5 var(--sans); letter-spacing: .06em; text-transform: uppercase; vertical-align: .1em; }
.vis-internal { background: #fff4e5; color: #8a4b00; }
.vis-public { background: #e8f3ec; color: #1a5e32; }
.replies, .notes { list-style: none; margin: 0; padding: 0; font-size: .88rem; }
.replies li, .notes li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .5rem; padding: .2rem 0; }
.replies li + li, .notes li + li { border-top: 1px dotted var(--rule); }
.replies .who { font-weight: 600; }
.replies .acc, .notes .acc { color: var(--muted); font-size: .8rem; }
.replies .why, .notes .why { color: var(--ink-soft); flex-basis: 100%; }
.hl-excluded { background: transparent; border-bottom: 2px dotted #8c959f; }
.claim.excluded { border-left-color: #8c959f; background: var(--tint); }
.exclusion { margin: .2rem 0 0; font-size: .9rem; color: var(--ink-soft); }

/* Publication notices: retraction and corrections, near the top */
.notice { margin: 1.4rem 0 0; padding: .2rem 1.1rem .9rem; border-radius: 6px; border: 1px solid var(--rule); }
.notice h2 { margin: .8rem 0 .4rem; }
.notice p { margin: .3rem 0 0; }
.notice ul { margin: 0; padding-left: 1.1rem; }
.notice li + li { margin-top: .3rem; }
.retraction { border-color: #c62828; background: #fdecea; }
.retraction h2 { color: #8e1b1b; }
.corrections { background: #fffbea; border-color: #e0c46c; }

.colophon { margin-top: 2.5rem; padding-top: .9rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); font-size: .78rem; color: var(--muted); }
.colophon p { margin: .15rem 0; }

@media (max-width: 640px) {
  .meta { grid-template-columns: 1fr 1fr; }
  .masthead h1 { font-size: 1.5rem; }
}

@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10pt; }
  .wrap { max-width: none; padding: 0; }
  .masthead { padding: 1.1rem 1.2rem 1rem; border-radius: 4px; }
  .masthead .wrap { padding: 0; }
  .article-body { background: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .claim, .keep, .notice { break-inside: avoid; page-break-inside: avoid; }
  .article-body :is(p, li) { orphans: 3; widows: 3; }
  .article-body :is(h3, h4, h5, h6) { break-after: avoid; page-break-after: avoid; }
  /* Article links: on paper, their address in brackets after the words (they cannot be clicked). */
  .article-body a[rel][href^="http"]::after { content: " <" attr(href) ">"; font: .78em/1.3 var(--sans); color: var(--muted); overflow-wrap: anywhere; }
  a { color: inherit; }
  /* Print the address of source links (on paper they cannot be clicked), on a line of their own. */
  /* A passage's text-fragment link is long and its page's URL is printed above it: not printed. */
  .sources a[href^="http"]:not(.bare):not(.passage)::after { content: attr(href); display: block; font: .78em/1.3 var(--sans); color: var(--muted); overflow-wrap: anywhere; }
  .mk a::after { content: none; }
  .colophon { margin-top: 1.5rem; padding-bottom: 0; }
}
`;
