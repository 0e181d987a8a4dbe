/**
 * The check-worthiness labelled set (fixtures/check-worthiness/labelled.json, GUIDELINE.md beside
 * it) and how a scorer run is matched to it: each labelled sentence takes the features and score
 * of the scored sentence it overlaps most, so the splitter is measured too. Used by
 * bench/check-worthiness.ts and lib/check-worthiness/quality.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSentences, type ScoreOptions } from '../lib/check-worthiness/score';
import type { FeatureVector, LabelledExample, ScoredSentence } from '../lib/check-worthiness/types';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LABELLED_SET = 'fixtures/check-worthiness/labelled.json';

export type GoldLabel = 'check-worthy' | 'unimportant' | 'non-factual';

export interface GoldSentence {
  start: number;
  end: number;
  label: GoldLabel;
  text: string;
}

export interface GoldDocument {
  id: string;
  title: string;
  source: string;
  language: string;
  split: 'train' | 'test';
  sentences: GoldSentence[];
  /** The source file's text (read as UTF-8). */
  body: string;
}

interface RawSet {
  documents: Omit<GoldDocument, 'body'>[];
}

export function loadLabelledSet(root = ROOT): GoldDocument[] {
  const raw = JSON.parse(readFileSync(path.join(root, LABELLED_SET), 'utf8')) as RawSet;
  return raw.documents.map((d) => ({ ...d, body: readFileSync(path.join(root, d.source), 'utf8') }));
}

export interface MatchedExample extends LabelledExample {
  document: string;
  split: 'train' | 'test';
  gold: GoldSentence;
  /** The scored sentence it was matched to. */
  scored: ScoredSentence;
  score: number;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const NO_FEATURES = (): FeatureVector => ({ number: 0, percentage: 0, money: 0, date: 0, statistic: 0, attribution: 0, causal: 0, entity: 0, quotation: 0, hedge: 0, question: 0, imperative: 0, future: 0, firstPerson: 0, length: 0 });

/** Scores each document once and matches every labelled sentence to its scored sentence. */
export function matchExamples(documents: readonly GoldDocument[], options: ScoreOptions = {}): MatchedExample[] {
  const out: MatchedExample[] = [];
  for (const doc of documents) {
    const result = scoreSentences(doc.body, options);
    for (const gold of doc.sentences) {
      let best: ScoredSentence | undefined;
      let bestOverlap = 0;
      for (const s of result.sentences) {
        const o = overlap(s, gold);
        if (o > bestOverlap) {
          best = s;
          bestOverlap = o;
        }
      }
      const scored: ScoredSentence = best ?? { start: gold.start, end: gold.end, text: gold.text, score: 0, reasons: [], features: NO_FEATURES(), language: 'und' };
      out.push({ document: doc.id, split: doc.split, gold, scored, features: scored.features, score: scored.score, label: gold.label === 'check-worthy' });
    }
  }
  return out;
}
