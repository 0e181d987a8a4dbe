import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt, version } from './columns';
import { workspaces } from './workspaces';

/** One rating scale per workspace (the unique index); levels are rows so claims can reference them. */
export const ratingScales = sqliteTable(
  'rating_scales',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('rating_scales_workspace_idx').on(t.workspaceId)],
);

export const ratingLevels = sqliteTable(
  'rating_levels',
  {
    id: id(),
    scaleId: text('scale_id')
      .notNull()
      .references(() => ratingScales.id, { onDelete: 'cascade' }),
    /** Stable machine key, e.g. `mostly-false`; survives label edits. */
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    /** #rrggbb, used for highlights and report chips. */
    color: text('color').notNull(),
    /** Numeric value exported as ClaimReview ratingValue; null for non-ordinal levels (Unproven, Not checkable). */
    value: real('value'),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('rating_levels_scale_key_idx').on(t.scaleId, t.key), index('rating_levels_scale_idx').on(t.scaleId)],
);
