/**
 * Inter-rater agreement over reviewers' independent verdicts.
 *
 * Input is one array per claim (an "item") holding the category key each reviewer chose, e.g.
 * `[['false', 'false', 'mostly-false'], ['true', 'true']]`. Items with fewer than two ratings say
 * nothing about agreement and are ignored.
 *
 * Different claims may have different numbers of reviewers, so we use the usual generalisation of
 * Fleiss' kappa to unequal raters per item (as in Fleiss, Levin & Paik, "Statistical Methods for
 * Rates and Proportions", 3rd ed., §18, and the `irr`/`statsmodels` implementations):
 *
 *   P_i  = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1))   observed agreement on item i: the share of
 *                                                   ordered rater pairs that chose the same category
 *   P̄    = mean of P_i over items                   (each claim weighs the same)
 *   p_j  = Σ_i n_ij / Σ_i n_i                        share of all ratings that fell in category j
 *   P̄e   = Σ_j p_j²                                  agreement expected by chance
 *   κ    = (P̄ − P̄e) / (1 − P̄e)
 *
 * With the same number of raters on every item this is exactly Fleiss' (1971) statistic.
 */

/** One array of category keys per item (claim). */
export type Ratings = ReadonlyArray<ReadonlyArray<string>>;

export interface FleissResult {
  kappa: number;
  /** P̄: mean observed agreement. */
  observed: number;
  /** P̄e: agreement expected by chance from the overall category shares. */
  expected: number;
  /** Items with two or more ratings (the ones counted). */
  items: number;
  /** Ratings on those items. */
  ratings: number;
  /** p_j for each category key seen. */
  categoryShares: Record<string, number>;
}

/** Validates the input shape and keeps only items with ≥ 2 ratings. Throws TypeError with a precise message. */
function usableItems(ratings: unknown): string[][] {
  if (!Array.isArray(ratings)) throw new TypeError('Ratings must be an array of per-item arrays of category keys.');
  return ratings
    .map((item: unknown, i) => {
      if (!Array.isArray(item)) throw new TypeError(`Ratings for item ${i} must be an array of category keys.`);
      return item.map((key: unknown, r) => {
        if (typeof key !== 'string' || key.trim() === '') {
          throw new TypeError(`Rating ${r} of item ${i} must be a non-empty category key.`);
        }
        return key;
      });
    })
    .filter((item) => item.length >= 2);
}

/** P_i: the share of ordered rater pairs on one item that agree. */
function itemAgreement(item: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of item) counts.set(key, (counts.get(key) ?? 0) + 1);
  let agreeingPairs = 0;
  for (const n of counts.values()) agreeingPairs += n * (n - 1);
  return agreeingPairs / (item.length * (item.length - 1));
}

/**
 * Percent agreement: P̄, the mean over items of the share of rater pairs that agree (0–1).
 * This is the observed agreement kappa corrects for chance. Null when no item has two ratings.
 */
export function percentAgreement(ratings: Ratings): number | null {
  const items = usableItems(ratings);
  if (items.length === 0) return null;
  return items.reduce((sum, item) => sum + itemAgreement(item), 0) / items.length;
}

/**
 * Fleiss' kappa with its parts. Null when it is undefined: no item has two ratings, or every
 * rating fell in one category (P̄e = 1, so agreement cannot be told apart from chance).
 */
export function fleissKappaDetails(ratings: Ratings): FleissResult | null {
  const items = usableItems(ratings);
  if (items.length === 0) return null;
  const totals = new Map<string, number>();
  let ratingCount = 0;
  for (const item of items) {
    for (const key of item) totals.set(key, (totals.get(key) ?? 0) + 1);
    ratingCount += item.length;
  }
  const categoryShares: Record<string, number> = {};
  let expected = 0;
  for (const [key, n] of totals) {
    const share = n / ratingCount;
    categoryShares[key] = share;
    expected += share * share;
  }
  const observed = items.reduce((sum, item) => sum + itemAgreement(item), 0) / items.length;
  // Floating-point sums of shares can land a hair under 1 when only one category was used.
  if (totals.size < 2 || 1 - expected < 1e-12) return null;
  return { kappa: (observed - expected) / (1 - expected), observed, expected, items: items.length, ratings: ratingCount, categoryShares };
}

/** Fleiss' kappa, or null when undefined (see fleissKappaDetails). */
export function fleissKappa(ratings: Ratings): number | null {
  return fleissKappaDetails(ratings)?.kappa ?? null;
}

export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost_perfect';

export interface KappaInterpretation {
  band: KappaBand | null;
  label: string;
  /** A short note on how to read the number, for display next to it. */
  note: string;
}

const CAVEAT =
  'Bands follow Landis & Koch (1977), which are conventions, not tests. Kappa also drops when one verdict dominates, and it is unstable with few claims, so read it alongside percent agreement.';

/**
 * Landis & Koch (1977) bands: < 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate,
 * 0.61–0.80 substantial, 0.81–1 almost perfect.
 */
export function interpretKappa(kappa: number | null): KappaInterpretation {
  if (kappa === null) {
    return { band: null, label: 'Not enough data', note: 'Kappa needs at least one claim with two or more verdicts, using more than one verdict overall.' };
  }
  if (typeof kappa !== 'number' || Number.isNaN(kappa) || kappa > 1 + 1e-9 || kappa < -1 - 1e-9) {
    throw new RangeError(`Kappa must be a number between -1 and 1, got ${String(kappa)}.`);
  }
  const [band, label, meaning]: [KappaBand, string, string] =
    kappa < 0
      ? ['poor', 'Poor', 'Reviewers agree less often than chance would predict.']
      : kappa <= 0.2
        ? ['slight', 'Slight', 'Agreement is barely above chance.']
        : kappa <= 0.4
          ? ['fair', 'Fair', 'Some agreement beyond chance, but reviewers often differ.']
          : kappa <= 0.6
            ? ['moderate', 'Moderate', 'Reviewers agree moderately beyond chance.']
            : kappa <= 0.8
              ? ['substantial', 'Substantial', 'Reviewers mostly agree beyond chance.']
              : ['almost_perfect', 'Almost perfect', 'Reviewers agree almost always, well beyond chance.'];
  return { band, label, note: `${meaning} 1 is perfect agreement, 0 is what chance alone would give. ${CAVEAT}` };
}

export interface AgreementSummary {
  /** Claims with two or more verdicts. */
  items: number;
  ratings: number;
  percentAgreement: number | null;
  kappa: number | null;
  /** P̄e, or null when kappa is undefined. */
  expectedAgreement: number | null;
  interpretation: KappaInterpretation;
}

/** Everything the agreement panel shows, from one set of ratings. */
export function summarizeAgreement(ratings: Ratings): AgreementSummary {
  const items = usableItems(ratings);
  const details = fleissKappaDetails(items);
  return {
    items: items.length,
    ratings: items.reduce((n, item) => n + item.length, 0),
    percentAgreement: percentAgreement(items),
    kappa: details?.kappa ?? null,
    expectedAgreement: details?.expected ?? null,
    interpretation: interpretKappa(details?.kappa ?? null),
  };
}
