/**
 * Roles, from most to least rights. The owner is the agreement's creator.
 * Kept apart from shared/api.ts (which builds zod schemas when imported) so
 * the client's first chunk can name roles without loading zod.
 */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles the owner can give to someone invited. */
export const INVITABLE_ROLES = ['editor', 'commenter', 'viewer'] as const;
