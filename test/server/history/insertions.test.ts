import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText } from '../../../shared/diffText';
import { fragmentToText } from '../../../shared/render';
import { insertionAuthors, textWithClients, type ClientRun } from '../../../server/services/historyInsertions';
import { paragraph } from '../fill';

/** Each character's client, from the runs. */
const perChar = (runs: readonly ClientRun[]): number[] => runs.flatMap((r) => Array.from({ length: r.length }, () => r.client));

/** Two people typing into one fragment, each from their own Yjs client. */
function twoWriters() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  a.getXmlFragment('section:purpose').push([paragraph('Les parties offrent des ateliers.'), paragraph('Deuxième paragraphe.')]);
  sync(a, b);
  const before = fragmentToText(b.getXmlFragment('section:purpose'));
  const text = (b.getXmlFragment('section:purpose').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert('Les parties offrent des ateliers'.length, ' aux jeunes');
  return { a, b, before };
}

describe('who wrote each insertion', () => {
  it('reads the text as fragmentToText does, with the client of every character', () => {
    const { a, b } = twoWriters();
    const side = textWithClients(b.getXmlFragment('section:purpose'));
    expect(side.text).toBe(fragmentToText(b.getXmlFragment('section:purpose')));
    const clients = perChar(side.runs);
    expect(clients).toHaveLength(side.text.length);
    const at = side.text.indexOf('aux jeunes');
    expect(clients.slice(at, at + 'aux jeunes'.length).every((c) => c === b.clientID)).toBe(true);
    expect(clients[at - 1]).toBe(b.clientID); // the space typed before the words
    expect(clients[0]).toBe(a.clientID);
    expect(clients[side.text.indexOf('Deuxième')]).toBe(a.clientID);
    expect(clients[side.text.indexOf('\n')]).toBe(-1);
  });

  it('names the participant bound to the inserting client, and nobody for kept or deleted runs', () => {
    const { a, b, before } = twoWriters();
    const fragment = b.getXmlFragment('section:purpose');
    const ops = diffText(before, fragmentToText(fragment));
    const who = (client: number) => (client === b.clientID ? 'bruno' : client === a.clientID ? 'alice' : null);
    const by = insertionAuthors(ops, textWithClients(fragment), who);
    expect(ops.map((o, i) => [o.op, by?.[i]])).toEqual([
      ['same', []],
      ['ins', ['bruno']],
      ['same', []],
    ]);
    expect(insertionAuthors(ops, { text: 'autre chose', runs: [] }, who)).toBeNull();
  });

  it('an insertion spanning several writers names each of them', () => {
    const runs = [
      { client: 1, length: 2 },
      { client: 2, length: 2 },
      { client: 1, length: 2 },
    ];
    const ops = [
      { op: 'same', text: 'a' },
      { op: 'del', text: 'x' },
      { op: 'ins', text: 'bcd' },
      { op: 'same', text: 'e' },
      { op: 'ins', text: 'f' },
    ] as const;
    const who = (client: number) => (client === 1 ? 'alice' : client === 2 ? 'bruno' : null);
    expect(insertionAuthors([...ops], { text: 'abcdef', runs }, who)).toEqual([[], [], ['alice', 'bruno'], [], ['alice']]);
  });
});
