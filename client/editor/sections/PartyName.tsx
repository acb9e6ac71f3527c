import type * as Y from 'yjs';
import { usePartyName } from './useParties';

/** The live legal name of a party, for headings and labels. */
export function PartyName({ party }: { party: Y.Map<unknown> }) {
  return <>{usePartyName(party)}</>;
}
