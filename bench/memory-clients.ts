/**
 * The clients of the memory benchmark (bench/memory.ts), in their own
 * process so that their documents and sockets are not counted in the
 * server's heap. Driven over IPC; every message is answered once, with
 * `{ ok: true, ... }` or `{ ok: false, error }`.
 */
import * as Y from 'yjs';
import { fragmentName } from '../shared/schema';
import { typeAgreement, typedCharacters } from './agreement';
import { join, type Joined } from './join';

export type ToClients =
  | { type: 'store-typed'; url: string; id: string; token: string }
  | { type: 'hold'; url: string; id: string; token: string }
  | { type: 'release' }
  | { type: 'cycle'; url: string; agreements: { id: string; token: string }[]; concurrency: number };

export type FromClients = { ok: true; stateBytes?: number; edits?: number } | { ok: false; error: string };

let held: Joined | null = null;
// Every y-websocket provider listens for the process's exit; ten at a time and their checks are more than the default 10.
process.setMaxListeners(100);

/** Opens one agreement, adds a paragraph (an edit the server must store), and closes once the server has it. */
async function openEditClose(url: string, id: string, token: string): Promise<void> {
  const joined = await join(url, id, { token });
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(`edited ${id}`)]);
  joined.doc.getXmlFragment(fragmentName('purpose')).push([paragraph]);
  // The edit is sent at once; a second client seeing it means it was stored (stored before sent).
  for (let i = 0; i < 50; i++) {
    const check = await join(url, id, { token });
    const seen = check.doc.getXmlFragment(fragmentName('purpose')).toString().includes(`edited ${id}`);
    check.close();
    if (seen) break;
    if (i === 49) throw new Error(`the edit of ${id} never reached a second client`);
    await new Promise((r) => setTimeout(r, 50));
  }
  joined.close();
}

async function handle(msg: ToClients): Promise<FromClients> {
  switch (msg.type) {
    case 'store-typed': {
      const first = await join(msg.url, msg.id, { token: msg.token });
      const typed = typeAgreement(Y.encodeStateAsUpdate(first.doc));
      const characters = typedCharacters(Y.mergeUpdates([Y.encodeStateAsUpdate(first.doc), typed.update]));
      Y.applyUpdate(first.doc, typed.update);
      for (let i = 0; i < 100; i++) {
        const check = await join(msg.url, msg.id, { token: msg.token });
        const got = typedCharacters(check.doc);
        check.close();
        if (got === characters) break;
        if (i === 99) throw new Error('the typed agreement was not stored');
        await new Promise((r) => setTimeout(r, 200));
      }
      first.close();
      return { ok: true, stateBytes: typed.stateBytes };
    }
    case 'hold': {
      // Open and being edited: 200 keystrokes, one update each, as the editor sends them.
      held = await join(msg.url, msg.id, { token: msg.token });
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      held.doc.getXmlFragment(fragmentName('purpose')).push([paragraph]);
      for (let i = 0; i < 200; i++) {
        text.insert(text.length, 'abcdefghij'[i % 10] ?? 'a');
        if (i % 20 === 19) await new Promise((r) => setTimeout(r, 10));
      }
      return { ok: true };
    }
    case 'release':
      held?.close();
      held = null;
      return { ok: true };
    case 'cycle': {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < msg.agreements.length) {
          const a = msg.agreements[next++];
          if (a) await openEditClose(msg.url, a.id, a.token);
        }
      };
      await Promise.all(Array.from({ length: msg.concurrency }, worker));
      return { ok: true, edits: msg.agreements.length };
    }
  }
}

process.on('message', (msg: ToClients) => {
  handle(msg).then(
    (answer) => process.send?.(answer),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
