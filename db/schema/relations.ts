import { relations } from 'drizzle-orm';
import { articles } from './articles';
import { claims } from './claims';
import { ratingLevels, ratingScales } from './rating-scales';
import { sources } from './sources';
import { users } from './users';
import { memberships, workspaces } from './workspaces';

export const workspacesRelations = relations(workspaces, ({ many }) => ({
  memberships: many(memberships),
  articles: many(articles),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  workspace: one(workspaces, { fields: [memberships.workspaceId], references: [workspaces.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const ratingScalesRelations = relations(ratingScales, ({ many }) => ({ levels: many(ratingLevels) }));
export const ratingLevelsRelations = relations(ratingLevels, ({ one }) => ({
  scale: one(ratingScales, { fields: [ratingLevels.scaleId], references: [ratingScales.id] }),
}));

export const articlesRelations = relations(articles, ({ one, many }) => ({
  workspace: one(workspaces, { fields: [articles.workspaceId], references: [workspaces.id] }),
  claims: many(claims),
}));

export const claimsRelations = relations(claims, ({ one, many }) => ({
  article: one(articles, { fields: [claims.articleId], references: [articles.id] }),
  verdict: one(ratingLevels, { fields: [claims.verdictId], references: [ratingLevels.id] }),
  author: one(users, { fields: [claims.authorId], references: [users.id] }),
  sources: many(sources),
}));

export const sourcesRelations = relations(sources, ({ one }) => ({
  claim: one(claims, { fields: [sources.claimId], references: [claims.id] }),
}));
