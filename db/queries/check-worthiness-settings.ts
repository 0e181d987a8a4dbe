import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, checkWorthinessModels, checkWorthinessSettings, claims, claimSuggestions } from '../schema';
import { isUniqueViolation, transaction } from '../transaction';
import { notTrashed } from './access';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import { DEFAULT_WEIGHTS, refit, scoreSentencesInSlices } from '@/lib/check-worthiness';
import type { LabelledExample, ScoreResult, Weights } from '@/lib/check-worthiness/types';
import type { CheckWorthinessModelDto, CheckWorthinessSettingsDto, RefitResultDto } from '@/lib/domain/check-worthiness';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { UpdateCheckWorthinessSettingsInput } from '@/lib/validations/check-worthiness';

/**
 * A workspace's check-worthiness settings (auto-run after import, threshold, the re-fitted weights
 * in use) and its re-fitted models (issue 16). No settings row = the defaults.
 */

type SettingsRow = typeof checkWorthinessSettings.$inferSelect;
type ModelRow = typeof checkWorthinessModels.$inferSelect;

/** Articles re-scored per re-fit for the sentences of hand-made claims (the most recently changed first). */
export const REFIT_MAX_ARTICLES = 200;

export async function getCheckWorthinessSettingsRow(db: Db, workspaceId: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(checkWorthinessSettings).where(eq(checkWorthinessSettings.workspaceId, workspaceId)).limit(1);
  return row ?? null;
}

async function getModelRow(db: Db, workspaceId: string, modelId: string): Promise<ModelRow | null> {
  const [row] = await db.select().from(checkWorthinessModels).where(and(eq(checkWorthinessModels.id, modelId), eq(checkWorthinessModels.workspaceId, workspaceId))).limit(1);
  return row ?? null;
}

/** The weights a run in this workspace uses: the active re-fitted model's, else the shipped ones. */
export async function activeWeights(db: Db, workspaceId: string, settings?: SettingsRow | null): Promise<Weights> {
  const row = settings === undefined ? await getCheckWorthinessSettingsRow(db, workspaceId) : settings;
  if (!row?.activeModelId) return DEFAULT_WEIGHTS;
  return (await getModelRow(db, workspaceId, row.activeModelId))?.weights ?? DEFAULT_WEIGHTS;
}

/** The threshold in force: the workspace's own, else the active weights'. */
export async function effectiveThreshold(db: Db, workspaceId: string, settings?: SettingsRow | null): Promise<number> {
  const row = settings === undefined ? await getCheckWorthinessSettingsRow(db, workspaceId) : settings;
  return row?.threshold ?? (await activeWeights(db, workspaceId, row)).threshold;
}

function toModelDto(row: ModelRow): CheckWorthinessModelDto {
  return { id: row.id, before: row.before, after: row.after, examples: row.examples, positives: row.positives, createdAt: row.createdAt.toISOString(), activatedAt: row.activatedAt ? row.activatedAt.toISOString() : null };
}

export async function getCheckWorthinessSettings(db: Db, workspaceId: string): Promise<CheckWorthinessSettingsDto> {
  const row = await getCheckWorthinessSettingsRow(db, workspaceId);
  const models = await db.select().from(checkWorthinessModels).where(eq(checkWorthinessModels.workspaceId, workspaceId)).orderBy(desc(checkWorthinessModels.createdAt)).limit(10);
  const active = row?.activeModelId ? (models.find((m) => m.id === row.activeModelId) ?? (await getModelRow(db, workspaceId, row.activeModelId))) : null;
  return {
    autoFindOnImport: row?.autoFindOnImport ?? false,
    threshold: row?.threshold ?? null,
    effectiveThreshold: row?.threshold ?? active?.weights.threshold ?? DEFAULT_WEIGHTS.threshold,
    activeModel: active ? toModelDto(active) : null,
    models: models.map(toModelDto),
    version: row?.version ?? 0,
  };
}

const SETTINGS_CHANGED = 'Someone else changed these settings since you opened them. Reload and try again.';

/**
 * Changes the settings (creating the row on first change). `version` (0 before any change) guards
 * against a concurrent change: 409 when stale. `activeModelId` must be one of the workspace's models
 * (404 otherwise); switching one on stamps its activated_at.
 */
export async function updateCheckWorthinessSettings(db: Db, workspaceId: string, input: UpdateCheckWorthinessSettingsInput): Promise<CheckWorthinessSettingsDto> {
  await writeSettings(db, workspaceId, input).catch((error: unknown) => {
    // Two first changes at once: the second insert loses on the primary key.
    if (isUniqueViolation(error)) throw conflict(SETTINGS_CHANGED, null);
    throw error;
  });
  return getCheckWorthinessSettings(db, workspaceId);
}

async function writeSettings(db: Db, workspaceId: string, input: UpdateCheckWorthinessSettingsInput): Promise<void> {
  await transaction(db, async (tx) => {
    const current = await getCheckWorthinessSettingsRow(tx, workspaceId);
    if (input.version !== undefined && input.version !== (current?.version ?? 0)) throw conflict(SETTINGS_CHANGED, await getCheckWorthinessSettings(tx, workspaceId));
    if (input.activeModelId) {
      if (!(await getModelRow(tx, workspaceId, input.activeModelId))) throw notFound('Model');
      await tx.update(checkWorthinessModels).set({ activatedAt: new Date() }).where(eq(checkWorthinessModels.id, input.activeModelId));
    }
    const changes = {
      ...(input.autoFindOnImport !== undefined ? { autoFindOnImport: input.autoFindOnImport } : {}),
      ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      ...(input.activeModelId !== undefined ? { activeModelId: input.activeModelId } : {}),
    };
    if (!current) {
      await tx.insert(checkWorthinessSettings).values({ workspaceId, ...changes });
      return;
    }
    const updated = await tx
      .update(checkWorthinessSettings)
      .set({ ...changes, updatedAt: new Date(), version: current.version + 1 })
      .where(and(eq(checkWorthinessSettings.workspaceId, workspaceId), eq(checkWorthinessSettings.version, current.version)))
      .returning({ version: checkWorthinessSettings.version });
    if (updated.length !== 1) throw conflict(SETTINGS_CHANGED, null);
  });
}

/** Switches a re-fitted model on (owner): POST …/models/:modelId/activate. */
export async function activateModel(db: Db, workspaceId: string, modelId: string): Promise<CheckWorthinessSettingsDto> {
  return updateCheckWorthinessSettings(db, workspaceId, { activeModelId: modelId });
}

/**
 * The desk's labelled examples: accepted suggestions (check-worthy) and dismissed ones (not), with
 * the features stored at the run; and every anchored claim not made from a suggestion (check-worthy):
 * the sentence holding the claim's start, from the article re-scored (async, in slices). A sentence is
 * counted once per article.
 */
/** Scores a text for its sentences' features (the route passes the worker-thread scorer; tests the in-thread one). */
export type ScoreTextForFeatures = (text: string, signal?: AbortSignal) => Promise<ScoreResult>;

const scoreInSlices: ScoreTextForFeatures = (text, signal) => scoreSentencesInSlices(text, { signal });

export async function refitExamples(db: Db, workspaceId: string, signal?: AbortSignal, score: ScoreTextForFeatures = scoreInSlices): Promise<LabelledExample[]> {
  const decided = await db
    .select({ state: claimSuggestions.state, features: claimSuggestions.features })
    .from(claimSuggestions)
    .innerJoin(articles, eq(articles.id, claimSuggestions.articleId))
    .where(and(eq(claimSuggestions.workspaceId, workspaceId), inArray(claimSuggestions.state, ['accepted', 'dismissed']), notTrashed()));
  const examples: LabelledExample[] = decided.map((row) => ({ features: row.features, label: row.state === 'accepted' }));

  const fromSuggestions = db.select({ claimId: claimSuggestions.claimId }).from(claimSuggestions).where(and(eq(claimSuggestions.workspaceId, workspaceId), isNotNull(claimSuggestions.claimId)));
  const handMade = await db
    .select({ articleId: claims.articleId, start: claims.positionStart })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.workspaceId, workspaceId), eq(claims.anchorState, 'anchored'), notTrashed(), sql`${claims.id} NOT IN (${fromSuggestions})`));
  const byArticle = new Map<string, number[]>();
  for (const c of handMade) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c.start]);
  const articleIds = [...byArticle.keys()].slice(0, REFIT_MAX_ARTICLES);
  for (const articleId of articleIds) {
    const [article] = await db.select({ text: articles.plainText }).from(articles).where(and(eq(articles.id, articleId), isNull(articles.deletedAt))).limit(1);
    if (!article) continue;
    const index = new CodePointIndex(article.text);
    const scored = await score(article.text, signal);
    const used = new Set<number>();
    for (const start of byArticle.get(articleId) ?? []) {
      const at = index.toUtf16(start);
      if (at === null) continue;
      const i = scored.sentences.findIndex((s) => s.start <= at && at < s.end);
      if (i < 0 || used.has(i)) continue;
      used.add(i);
      examples.push({ features: scored.sentences[i]!.features, label: true });
    }
  }
  return examples;
}

/** refit()'s RangeError, in the owner's words. */
function tooFewMessage(examples: readonly LabelledExample[]): string {
  const positives = examples.filter((e) => e.label).length;
  return `Not enough decisions to re-fit yet: it needs at least 5 check-worthy examples (accepted suggestions or claims marked by hand) and at least 5 dismissed suggestions; this workspace has ${positives} and ${examples.length - positives}.`;
}

/**
 * Re-fits the weights on the desk's examples with k-fold cross-validation (refit(): "after" is
 * measured out of fold), stores the model (not switched on) and returns the before/after. 422 in
 * words when either class has too few examples.
 */
export async function refitWorkspaceModel(db: Db, workspaceId: string, actorId: string, options: { folds?: number; signal?: AbortSignal; score?: ScoreTextForFeatures } = {}): Promise<RefitResultDto> {
  const examples = await refitExamples(db, workspaceId, options.signal, options.score);
  const current = await activeWeights(db, workspaceId);
  let report: ReturnType<typeof refit>;
  try {
    report = refit(examples, current, { k: options.folds ?? 5 });
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('unprocessable', tooFewMessage(examples), { examples: examples.length, positives: examples.filter((e) => e.label).length });
    throw error;
  }
  const positives = examples.filter((e) => e.label).length;
  const [row] = await transaction(db, async (tx) =>
    tx.insert(checkWorthinessModels).values({ workspaceId, weights: report.weights, before: report.before, after: report.after, examples: report.examples, positives, createdBy: actorId }).returning(),
  );
  if (!row) throw new Error('refitWorkspaceModel: the insert returned no row');
  return { modelId: row.id, before: row.before, after: row.after, examples: row.examples, positives: row.positives };
}
