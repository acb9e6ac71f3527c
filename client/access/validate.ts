import type { INVITABLE_ROLES } from '../../shared/api';

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** A loose email check, matching what the server accepts closely enough to catch typos. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
