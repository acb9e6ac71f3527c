import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Rng } from './fuzzCases';

/** One websocket frame a misbehaving client might send after a valid handshake. */
export interface FrameCase {
  what: string;
  data: Buffer;
  binary: boolean;
}

const frame = (what: string, data: Uint8Array, binary = true): FrameCase => ({ what, data: Buffer.from(data), binary });

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** A real Yjs update (to the writable `duration` map, or to a name outside the schema), sometimes with bytes flipped. */
function yUpdate(r: Rng): { what: string; update: Uint8Array } {
  const doc = new Y.Doc();
  const outside = r.chance(0.3);
  if (outside) doc.getXmlFragment(r.pick(['evil', 'parties', 'partyIds', 'section:nope', '__proto__'])).insert(0, [new Y.XmlText('x')]);
  else doc.getMap('duration').set(`fuzz-${r.int(1000)}`, r.pick<unknown>(['x', 1e308, null, [1, 2], { a: 'b' }]));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const flips = r.chance(0.5) ? 1 + r.int(4) : 0;
  for (let i = 0; i < flips; i++) {
    const at = r.int(update.length);
    update[at] = (update[at] ?? 0) ^ (1 << r.int(8));
  }
  return { what: `${outside ? 'outside-schema' : 'duration'} update, ${flips} bit flips`, update };
}

/** Awareness entries with odd client ids, clocks and states. */
function awareness(r: Rng): Uint8Array {
  return message((e) => {
    const n = r.int(4);
    encoding.writeVarUint(e, n);
    for (let i = 0; i < n; i++) {
      encoding.writeVarUint(e, r.pick([0, 1, r.int(2 ** 31), 2 ** 53 - 1]));
      encoding.writeVarUint(e, r.pick([0, 1, r.int(2 ** 31)]));
      encoding.writeVarString(
        e,
        r.pick(['{not json', 'null', '{}', '{"user":{"name":"forged"}}', '[]', '"s"', 'x'.repeat(5000), '{"__proto__":{"polluted":1}}']),
      );
    }
  });
}

export function frameCase(r: Rng): FrameCase {
  const kind = r.int(16);
  switch (kind) {
    case 0:
      return frame('random bytes', r.bytes(r.int(300)));
    case 1:
      return frame('empty frame', new Uint8Array(0));
    case 2:
      return frame('truncated varint', Uint8Array.from(r.pick([[0x80], [0xff, 0xff, 0xff], [0, 0x80], [0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f], [1, 0xff]])));
    case 3:
      return frame('text frame', Buffer.from(r.text(r.int(200))), false);
    case 4:
      return frame('text frame, invalid UTF-8', Buffer.from([0xc3, 0x28, 0xe0, 0x80]), false);
    case 5:
      return frame(
        'sync step 1, garbage state vector',
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(e, r.bytes(r.int(40)));
        }),
      );
    case 6:
    case 7: {
      const lie = r.chance(0.3);
      const payload = r.bytes(r.int(120));
      return frame(
        `sync ${kind === 6 ? 'step 2' : 'update'}, garbage payload${lie ? ', lying length' : ''}`,
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, kind === 6 ? 1 : 2);
          encoding.writeVarUint(e, lie ? payload.length + 1 + r.int(1e6) : payload.length);
          encoding.writeUint8Array(e, payload);
        }),
      );
    }
    case 8:
    case 9: {
      const { what, update } = yUpdate(r);
      return frame(
        `sync update: ${what}`,
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, r.pick([1, 2]));
          encoding.writeVarUint8Array(e, update);
        }),
      );
    }
    case 10:
      return frame(
        'unknown sync sub-type',
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 3 + r.int(1000));
          encoding.writeVarUint8Array(e, r.bytes(8));
        }),
      );
    case 11:
      return frame(
        'awareness, odd entries',
        message((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, r.chance(0.7) ? awareness(r) : r.bytes(r.int(60)));
        }),
      );
    case 12:
      return frame(
        'query awareness / auth with garbage',
        message((e) => {
          encoding.writeVarUint(e, r.pick([2, 3]));
          encoding.writeUint8Array(e, r.bytes(r.int(20)));
        }),
      );
    case 13:
      return frame(
        'unknown message type',
        message((e) => {
          encoding.writeVarUint(e, r.pick([4, 5, 100, 2 ** 31, 2 ** 40]));
          encoding.writeUint8Array(e, r.bytes(r.int(20)));
        }),
      );
    case 14:
      return frame('awareness with lying length', Buffer.from([1, 0xff, 0xff, 0x03, 1, 2, 3]));
    default:
      return frame(
        'sync step 1 with a real state vector of a stranger',
        message((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(
            e,
            message((sv) => {
              encoding.writeVarUint(sv, 1);
              encoding.writeVarUint(sv, r.int(2 ** 31));
              encoding.writeVarUint(sv, r.pick([0, 2 ** 40, r.int(100)]));
            }),
          );
        }),
      );
  }
}

/** Bytes after a valid handshake that are not websocket frames a client may send (unmasked, reserved bits, opcodes, garbage). */
export function rawGarbage(r: Rng): { what: string; bytes: Buffer } {
  return r.pick<() => { what: string; bytes: Buffer }>([
    () => ({ what: 'unmasked binary frame', bytes: Buffer.from([0x82, 0x03, 1, 2, 3]) }),
    () => ({ what: 'reserved bits set', bytes: Buffer.from([0xf2, 0x80, 0, 0, 0, 0]) }),
    () => ({ what: 'reserved opcode', bytes: Buffer.from([0x83, 0x80, 0, 0, 0, 0]) }),
    () => ({ what: 'fragmented control frame', bytes: Buffer.from([0x09, 0x80, 0, 0, 0, 0]) }),
    () => ({ what: 'close with invalid code', bytes: Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe7]) }),
    () => ({ what: 'declared 2^63 bytes', bytes: Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]) }),
    () => ({ what: 'declared 8 MiB', bytes: Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0]) }),
    () => ({ what: 'random bytes', bytes: r.bytes(1 + r.int(200)) }),
    () => ({ what: 'an HTTP request instead of a frame', bytes: Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n') }),
  ])();
}
