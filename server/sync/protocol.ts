import * as encoding from 'lib0/encoding';

/** y-websocket message types (first varUint of every message). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** Sync sub-types (y-protocols/sync). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

function message(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (sub !== null) encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const syncStep1Message = (stateVector: Uint8Array): Uint8Array => message(MessageType.Sync, SyncType.Step1, stateVector);
export const syncStep2Message = (update: Uint8Array): Uint8Array => message(MessageType.Sync, SyncType.Step2, update);
export const updateMessage = (update: Uint8Array): Uint8Array => message(MessageType.Sync, SyncType.Update, update);
export const awarenessMessage = (update: Uint8Array): Uint8Array => message(MessageType.Awareness, null, update);
