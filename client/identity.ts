import { createContext, useContext } from 'react';
import { PALETTE, type PresenceUser } from '../shared/presence';

export { colorFor, PALETTE } from '../shared/presence';

/**
 * Who is editing, as others see it (the awareness `user` field, also drawn
 * on the caret): the participant's name, party and role come from the
 * session on the agreement (GET /me); the server stamps the same on what
 * others receive.
 */
export type Identity = PresenceUser;

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return (
    letters
      .map((w) => (w ? (Array.from(w)[0] ?? '') : ''))
      .join('')
      .slice(0, 2)
      .toUpperCase() || '?'
  );
}

/** Provided by the open agreement (see client/access/AccessLayer.tsx); memoised, so it can go straight into awareness. */
export const IdentityContext = createContext<Identity>({ name: '', color: PALETTE[0], partyId: '', party: '', role: '' });

export const useIdentity = (): Identity => useContext(IdentityContext);
