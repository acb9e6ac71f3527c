import { z } from 'zod';
import { EditModeSchema } from './schemas/status';

/** How an editor's changes land: straight into the text, or as suggestions others accept or reject (zod/mini, as the client checks it in answers). */
export { EditModeSchema };
export type EditMode = z.infer<typeof EditModeSchema>;

/** PUT …/default-mode: the owner's default for everyone (each editor may still switch for themselves). */
export const DefaultModeInputSchema = z.object({ mode: EditModeSchema }).strict();
