/**
 * Anchoring at newsroom scale: a 100,000-word article with 2,000 claims.
 * Prints timings (median of several runs); nothing is asserted. Run: npx tsx bench/anchoring.bench.ts
 */
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { anchor, describe } from '../lib/anchoring';
import { docToText, plainTextToDocJson } from '../lib/editor/doc-text';

const WORDS = 100_000;
const CLAIMS = 2_000;
const RUNS = 5;

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const random = seededRandom(42);
const vocabulary = ['the', 'minister', 'said', 'that', 'unemployment', 'fell', 'to', 'percent', 'last', 'year', 'critics', 'replied', 'exports', 'doubled', 'since', 'officials', 'Tehran', 'حکومت', 'می‌خواهم', 'IS', '2019', 'according', 'report'];
const words: string[] = [];
for (let i = 0; i < WORDS; i += 1) words.push(vocabulary[Math.floor(random() * vocabulary.length)]! + (i % 17 === 16 ? '.' : ''));
const paragraphs: string[] = [];
for (let i = 0; i < words.length; i += 120) paragraphs.push(words.slice(i, i + 120).join(' '));
const text = paragraphs.join('\n\n');

const claims = Array.from({ length: CLAIMS }, () => {
  const start = Math.floor(random() * (text.length - 200));
  const from = text.indexOf(' ', start) + 1;
  const to = text.indexOf(' ', from + 40 + Math.floor(random() * 80));
  return describe(text, from, to);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(label: string, fn: () => void) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    fn();
    samples.push(performance.now() - began);
  }
  console.log(`${label.padEnd(58)} median ${median(samples).toFixed(1).padStart(8)} ms   (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}, ${RUNS} runs)`);
}

console.log(`article: ${WORDS.toLocaleString('en')} words, ${text.length.toLocaleString('en')} UTF-16 units; ${CLAIMS.toLocaleString('en')} claims`);

time('describe() 200 ranges', () => {
  for (let i = 0; i < 200; i += 1) describe(text, 1000 * i, 1000 * i + 60);
});
time('anchor() 2,000 claims, unchanged text (fast path)', () => {
  for (const selectors of claims) anchor(text, selectors);
});
const inserted = `A new opening paragraph added by the editor.\n\n${text}`;
time('anchor() 2,000 claims after an insertion at the top', () => {
  for (const selectors of claims) anchor(inserted, selectors);
});
const corrected = inserted.replace(/ minister /g, ' ministre ');
let orphans = 0;
time('anchor() 2,000 claims after a word corrected everywhere', () => {
  orphans = 0;
  for (const selectors of claims) if (!anchor(corrected, selectors)) orphans += 1;
});
console.log(`  (orphaned after correction: ${orphans} of ${CLAIMS})`);

const schema = getSchema([StarterKit]);
const doc = schema.nodeFromJSON(plainTextToDocJson(text));
time('docToText() on the 100,000-word document', () => {
  docToText(doc);
});
const docText = docToText(doc);
time('offsetToPos() + posToOffset() for 4,000 claim ends', () => {
  // The text is all in the Basic Multilingual Plane here, so code points equal UTF-16 offsets.
  for (const [, position] of claims) {
    docText.posToOffset(docText.offsetToPos(position.start));
    docText.posToOffset(docText.offsetToPos(position.end, 'end'));
  }
});
