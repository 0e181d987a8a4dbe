import * as sqliteTables from './sqlite';
import * as pgTables from './pg';
import { activeDialect } from '../dialect';

/**
 * The tables queries use. Queries are written once, typed against the SQLite tables; on
 * PostgreSQL the pg tables stand in at run time. Both define the same tables, columns and
 * TypeScript row types (db/schema/parity.test.ts), so one query runs on either dialect.
 */
const tables = (activeDialect() === 'postgres' ? pgTables : sqliteTables) as unknown as typeof sqliteTables;

export const {
  users,
  workspaces,
  memberships,
  ratingScales,
  ratingLevels,
  articles,
  articleRevisions,
  claims,
  sources,
  historyEntries,
  claimVerdicts,
  comments,
  mentions,
  assignments,
  sessions,
  emailTokens,
  invitations,
  recoveryCodes,
  securityEvents,
  rateLimits,
  articlePublications,
  replyAttempts,
  articleUpdates,
  sourceArchives,
  claimLibraryItems,
  searchDocs,
  claimLinks,
  reviewSessions,
  reviewSessionItems,
  reviewSessionNotes,
  reviewSessionActions,
  reviewSessionAttendance,
  suggestionRuns,
  claimSuggestions,
  checkWorthinessSettings,
  checkWorthinessModels,
} = tables;
