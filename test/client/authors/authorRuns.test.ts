import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { AuthorView } from '../../../shared/api';
import { AuthorIndex } from '../../../client/editor/authors/authorIndex';
import { authorDecorations } from '../../../client/editor/authors/authorDecorations';
import { itemRuns } from '../../../client/editor/authors/authorRuns';

/** Who wrote which characters, read from the Yjs items under a real Tiptap schema, as y-tiptap renders them. */
const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

/** Two docs (two clients) that exchange every update, as the server relays them. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = 1;
  b.clientID = 2;
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return [a, b];
}

const textAt = (doc: ReturnType<typeof yXmlFragmentToProseMirrorRootNode>, from: number, to: number): string => doc.textBetween(from, to);

describe('itemRuns', () => {
  it("maps each client's characters to their ProseMirror range, across paragraphs, formatting and a hard break", () => {
    const [a, b] = pair();
    const fa = a.getXmlFragment('section:purpose');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    fa.insert(0, [p]);
    text.insert(0, 'Alice writes. ');
    const textB = b.getXmlFragment('section:purpose').get(0) as Y.XmlElement;
    (textB.get(0) as Y.XmlText).insert(14, 'Bob adds', { bold: true });
    const p2 = new Y.XmlElement('paragraph');
    const t2 = new Y.XmlText();
    p2.insert(0, [t2, new Y.XmlElement('hardBreak'), new Y.XmlText('after')]);
    b.getXmlFragment('section:purpose').insert(1, [p2]);
    t2.insert(0, 'Bob again');
    (textB.get(0) as Y.XmlText).insert(5, ' (A)');

    const fragment = a.getXmlFragment('section:purpose');
    const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const runs = itemRuns(fragment, doc);
    const written = runs.map((r) => [r.clientId, textAt(doc, r.from, r.to)]);
    expect(written).toEqual([
      [1, 'Alice'],
      [2, ' (A)'],
      [1, ' writes. '],
      [2, 'Bob adds'],
      [2, 'Bob again'],
      [2, 'after'],
    ]);
  });

  it('decorates each participant’s text with their party, cut where a new span of time starts, and leaves text by nobody alone', () => {
    const [a, b] = pair();
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('template ');
    p.insert(0, [text]);
    const template = new Y.Doc();
    template.clientID = 9;
    template.getXmlFragment('section:purpose').insert(0, [p]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(template));
    const t = (a.getXmlFragment('section:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(9, 'first ');
    t.insert(15, 'later');
    void b;
    const authors: AuthorView[] = [
      { clientId: 9, participant: null, spans: [] },
      {
        clientId: 1,
        participant: { id: 'u1', name: 'Ana', partyId: 'p0' },
        spans: [
          { clock: 0, at: 't0' },
          { clock: 6, at: 't1' },
        ],
      },
    ];
    const fragment = a.getXmlFragment('section:purpose');
    const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const set = authorDecorations(fragment, doc, new AuthorIndex(authors), {
      partyClass: (id) => `party-${id}`,
      describe: (w) => `${w.participant.name} ${w.at}`,
    });
    const found = set.find().map((d) => [textAt(doc, d.from, d.to), (d.spec as { label: string }).label]);
    expect(found).toEqual([
      ['first ', 'Ana t0'],
      ['later', 'Ana t1'],
    ]);
  });
});
