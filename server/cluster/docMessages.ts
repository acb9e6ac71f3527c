import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** The Redis channel of one document: its stored updates and its presence. */
export const docChannel = (docId: string): string => `entente:doc:${docId}`;

/**
 * What instances say on a document's channel, in a compact binary envelope
 * (lib0 varints, as Yjs itself): the sender's instance id, a kind, then
 * - `update`: a stored update with its per-document sequence number;
 * - `head`: the highest sequence number the sender has stored (sent when it is
 *   back after losing Redis: whatever it published meanwhile was lost);
 * - `awareness`: an awareness update of the sender's own clients;
 * - `query`: the sender just subscribed: send it your clients' awareness.
 */
export type DocMessage =
  | { kind: 'update'; from: string; seq: number; update: Uint8Array }
  | { kind: 'head'; from: string; seq: number }
  | { kind: 'awareness'; from: string; update: Uint8Array }
  | { kind: 'query'; from: string };

const KINDS = ['update', 'head', 'awareness', 'query'] as const;

export function encodeDocMessage(message: DocMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.from);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  if (message.kind === 'update' || message.kind === 'head') encoding.writeVarUint(encoder, message.seq);
  if (message.kind === 'update' || message.kind === 'awareness') encoding.writeVarUint8Array(encoder, message.update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** The message, or null if the bytes are not one (a foreign publisher on our channel, or a newer version). */
export function decodeDocMessage(bytes: Uint8Array): DocMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const from = decoding.readVarString(decoder);
    const kind = KINDS[decoding.readVarUint(decoder)];
    let message: DocMessage | null = null;
    if (kind === 'update') {
      const seq = decoding.readVarUint(decoder);
      message = { kind, from, seq, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === 'head') message = { kind, from, seq: decoding.readVarUint(decoder) };
    else if (kind === 'awareness') message = { kind, from, update: decoding.readVarUint8Array(decoder) };
    else if (kind === 'query') message = { kind, from };
    return message && !decoding.hasContent(decoder) ? message : null;
  } catch {
    return null;
  }
}
