/**
 * Presence (the awareness `user` field) as others see it: who someone is,
 * drawn on their avatar and caret. The server stamps it from the session, so
 * nobody can appear under another name, party or role.
 */
export interface PresenceUser {
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

/** A stable colour for a participant (FNV-1a hash of the id into the palette): the same on every device. */
export function colorFor(participantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0];
}
