/**
 * The y-websocket messages the load clients send and read (one message per
 * websocket frame): [messageSync=0, step1=0 | step2=1 | update=2, varUint8Array].
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;

const emptyDoc = new Y.Doc();
const EMPTY_STATE_VECTOR = Y.encodeStateVector(emptyDoc);
const EMPTY_UPDATE = Y.encodeStateAsUpdate(emptyDoc);

function syncMessage(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Step 1 of a client that holds nothing (asks for the whole document). */
export const EMPTY_STEP1 = syncMessage(syncProtocol.messageYjsSyncStep1, EMPTY_STATE_VECTOR);
/** Step 2 of a client that holds nothing (the answer to the server's step 1). */
export const EMPTY_STEP2 = syncMessage(syncProtocol.messageYjsSyncStep2, EMPTY_UPDATE);

export function step1For(doc: Y.Doc): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(doc));
}

export function step2For(doc: Y.Doc, remoteStateVector: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(doc, remoteStateVector));
}

/** An update message, exactly as y-protocols/sync writeUpdate frames it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'auth'; reason: string }
  | { kind: 'other'; type: number };

export function decodeIncoming(bytes: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) return { kind: 'step1', stateVector: payload };
    if (sub === syncProtocol.messageYjsSyncStep2) return { kind: 'step2', update: payload };
    if (sub === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload };
    return { kind: 'other', type: 100 + sub };
  }
  if (type === MESSAGE_AUTH) {
    // [2, permissionDenied=0, reason]
    const sub = decoding.readVarUint(decoder);
    const reason = sub === 0 ? decoding.readVarString(decoder) : `auth message ${sub}`;
    return { kind: 'auth', reason };
  }
  return { kind: 'other', type };
}
