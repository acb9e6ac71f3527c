import { ExternalStore } from '../externalStore';

export type EditMode = 'editing' | 'suggesting';

/** Whether this person's edits are suggestions; each section editor's dispatch hook reads it on every transaction. */
export type SuggestModeStore = ExternalStore<EditMode>;
