import { z } from 'zod';

/** How an editor's changes land: straight into the text, or as suggestions others accept or reject. */
export const EditModeSchema = z.enum(['editing', 'suggesting']);
export type EditMode = z.infer<typeof EditModeSchema>;

/** PUT …/default-mode: the owner's default for everyone (each editor may still switch for themselves). */
export const DefaultModeInputSchema = z.object({ mode: EditModeSchema }).strict();
