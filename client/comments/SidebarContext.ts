import { createContext, useContext } from 'react';
import type { ParticipantView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import type { CommentsController, CommentsState } from './controller';

/** What every part of the comments sidebar reads, given once by CommentsSidebar instead of passed down. */
export interface SidebarValue {
  controller: CommentsController;
  state: CommentsState;
  template: AgreementTemplate | undefined;
  /** Party id → legal name, live from the document. */
  parties: ReadonlyMap<string, string>;
  /** Comments can be written now (rights, and the agreement is not locked). */
  writable: boolean;
  /** A person in the mention suggestions: party and role. */
  describe: (person: ParticipantView) => string;
  /** A section's title in the reader's language ("other section" for one the template does not have). */
  sectionTitle: (key: string) => string;
}

export const SidebarContext = createContext<SidebarValue | null>(null);

export function useSidebar(): SidebarValue {
  const value = useContext(SidebarContext);
  if (!value) throw new Error('useSidebar is only for the parts of the comments sidebar');
  return value;
}
