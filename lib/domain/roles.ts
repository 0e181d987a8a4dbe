/** Workspace roles, most to least privileged: `as const` so zod schemas, Drizzle columns and UI read one list. */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
