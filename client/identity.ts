import { createContext, useContext } from 'react';

/**
 * Who is editing, as others see it (the awareness `user` field, also drawn
 * on the caret): the participant's name, party and role come from the
 * session on the agreement (GET /me); the colour is derived from the
 * participant id, so a person keeps the same colour on every device.
 */
export interface Identity {
  name: string;
  /** Always #RRGGBB: the caret extension makes other forms transparent. */
  color: string;
  /** The participant's party: its id in the document, and its legal name when known. */
  partyId: string;
  party: string;
  /** owner, editor, commenter or viewer. */
  role: string;
}

/** Colours dark enough for white initials and labels. */
export const PALETTE = ['#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#7d6b00', '#1a7f37', '#0a7c86', '#5a32a3', '#9a6700'] as const;

export const MAX_NAME_LENGTH = 60;

export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** A stable colour for a participant (FNV-1a hash of the id into the palette). */
export function colorFor(participantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0];
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return letters
    .map((w) => (w ? Array.from(w)[0] ?? '' : ''))
    .join('')
    .slice(0, 2)
    .toUpperCase() || '?';
}

/** Provided by the open agreement (see client/access/AccessLayer.tsx); memoised, so it can go straight into awareness. */
export const IdentityContext = createContext<Identity>({ name: '', color: PALETTE[0], partyId: '', party: '', role: '' });

export const useIdentity = (): Identity => useContext(IdentityContext);
