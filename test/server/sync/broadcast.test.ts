import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mouTemplate } from '../../../shared/templates/mou';
import type { Connection } from '../../../server/sync/connection';
import { binaryFrame } from '../../../server/sync/frame';
import { updateMessage } from '../../../server/sync/protocol';
import { Room, type RoomHooks } from '../../../server/sync/room';

/**
 * Stored updates of one turn go out in one write per connection: everyone
 * gets every update in order, and a sender never gets its own back.
 * Connections here are recorders of the bytes the room writes to a socket.
 */
function recorder(): Connection & { written: Buffer[] } {
  const written: Buffer[] = [];
  return { written, writeFrame: (frame: Buffer) => void written.push(frame) } as unknown as Connection & { written: Buffer[] };
}

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};
const framed = (u: Uint8Array): Buffer => binaryFrame(updateMessage(u));

describe('a room broadcasting the updates of one turn', () => {
  const room = new Room('r', mouTemplate, {} as RoomHooks, { byteSize: 0, updates: 0, state: Y.encodeStateAsUpdate(new Y.Doc()) });
  const [alice, bruno, chloe, dana] = [recorder(), recorder(), recorder(), recorder()];
  for (const c of [alice, bruno, chloe, dana]) room.conns.add(c);
  const [a1, b1, a2] = [update('a1'), update('b1'), update('a2')];
  const server = Symbol('server');

  it('writes every update but its own to each connection, in order, in one write', () => {
    room.broadcast([
      { update: a1, origin: alice },
      { update: b1, origin: bruno },
      { update: a2, origin: alice },
    ]);
    expect(alice.written).toEqual([framed(b1)]);
    expect(bruno.written).toEqual([Buffer.concat([framed(a1), framed(a2)])]);
    expect(chloe.written).toEqual([Buffer.concat([framed(a1), framed(b1), framed(a2)])]);
    expect(dana.written).toEqual(chloe.written);
  });

  it('writes nothing to a connection that sent every update of the turn', () => {
    for (const c of [alice, bruno, chloe, dana]) c.written.length = 0;
    room.broadcast([
      { update: a1, origin: alice },
      { update: a2, origin: alice },
    ]);
    expect(alice.written).toEqual([]);
    expect(bruno.written).toEqual([Buffer.concat([framed(a1), framed(a2)])]);
  });

  it("sends the server's own changes to everyone", () => {
    for (const c of [alice, bruno, chloe, dana]) c.written.length = 0;
    room.broadcast([
      { update: a1, origin: server },
      { update: b1, origin: bruno },
    ]);
    expect(alice.written).toEqual([Buffer.concat([framed(a1), framed(b1)])]);
    expect(bruno.written).toEqual([framed(a1)]);
  });
});
