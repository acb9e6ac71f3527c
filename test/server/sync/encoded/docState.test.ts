import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { analyseUpdate } from '../../../../server/sync/encoded/analyse';
import { DocState } from '../../../../server/sync/encoded/docState';
import { DeleteIndex } from '../../../../server/sync/encoded/deleteIndex';
import { RootIndex } from '../../../../server/sync/encoded/rootIndex';
import { PARTY_IDS } from '../../../../shared/schema';
import { random } from '../../../../bench/agreement';

function textOf(state: Uint8Array): { a: string; b: string; meta: unknown } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const out = { a: doc.getXmlFragment('section:a').toString(), b: doc.getText('b').toString(), meta: doc.getMap('meta').toJSON() };
  doc.destroy();
  return out;
}

describe('a document kept encoded', () => {
  it('takes in every update of several editors and holds exactly what a Y.Doc holds', () => {
    const rand = random(7);
    const truth = new Y.Doc();
    const kept = DocState.fromDoc(truth);
    const editors = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (let step = 0; step < 600; step++) {
      const editor = editors[Math.floor(rand() * editors.length)] ?? new Y.Doc();
      // Each editor catches up with the truth now and then, as clients do when they receive broadcasts.
      if (rand() < 0.5) Y.applyUpdate(editor, Y.encodeStateAsUpdate(truth, Y.encodeStateVector(editor)));
      const sv = Y.encodeStateVector(editor);
      const text = editor.getText('b');
      const r = rand();
      if (r < 0.3 && text.length > 0) text.delete(Math.floor(rand() * text.length), 1 + Math.floor(rand() * 3));
      else if (r < 0.4) editor.getMap('meta').set('title', `title ${step}`);
      else if (r < 0.5) editor.getXmlFragment('section:a').push([new Y.XmlText(`p${step}`)]);
      else text.insert(Math.floor(rand() * (text.length + 1)), 'abc'.slice(0, 1 + Math.floor(rand() * 3)), rand() < 0.2 ? { bold: true } : {});
      const update = Y.encodeStateAsUpdate(editor, sv);
      const analysis = analyseUpdate(kept, update);
      expect(analysis.ok).toBe(true);
      if (!analysis.ok) return;
      kept.add(update, analysis);
      Y.applyUpdate(truth, update);
    }
    expect(textOf(kept.encode())).toEqual(textOf(Y.encodeStateAsUpdate(truth)));
    expect(kept.encodedStateVector()).toEqual(Y.encodeStateVector(truth));
    // A peer that has half of it gets the rest.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(editors[0] ?? new Y.Doc()));
    Y.applyUpdate(peer, kept.diff(Y.encodeStateVector(peer)));
    expect(peer.getText('b').toString()).toBe(truth.getText('b').toString());
  });

  it('knows the top-level name of every item, also of items typed next to others', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('section:a').push([new Y.XmlText('hello')]);
    doc.getText('b').insert(0, 'world');
    const kept = DocState.fromDoc(doc);
    const sv = Y.encodeStateVector(doc);
    const text = doc.getXmlFragment('section:a').get(0) as Y.XmlText;
    text.insert(5, ' there');
    const analysis = analyseUpdate(kept, Y.encodeStateAsUpdate(doc, sv));
    expect(analysis.ok && analysis.runs.map((r) => r.root)).toEqual(['section:a']);
    expect(kept.rootAt(doc.clientID, 0)).toBe('section:a');
  });

  it('refuses an update that skips clocks, builds on unknown items or deletes unknown ones', () => {
    const doc = new Y.Doc();
    doc.getText('b').insert(0, 'one');
    const first = Y.encodeStateAsUpdate(doc);
    const sv = Y.encodeStateVector(doc);
    doc.getText('b').insert(3, 'two');
    const second = Y.encodeStateAsUpdate(doc, sv);
    const empty = DocState.fromDoc(new Y.Doc());
    const gap = analyseUpdate(empty, second);
    expect(gap.ok).toBe(false);
    const other = new Y.Doc();
    Y.applyUpdate(other, first);
    const svOther = Y.encodeStateVector(other);
    other.getText('b').delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(other, svOther);
    expect(analyseUpdate(empty, deletion).ok).toBe(false);
  });

  it('reads the party list and tells a deletion from it', () => {
    const doc = new Y.Doc();
    doc.getArray<string>(PARTY_IDS).push(['p1', 'p2']);
    const kept = DocState.fromDoc(doc);
    expect([...kept.partyIds()].sort()).toEqual(['p1', 'p2']);
    const sv = Y.encodeStateVector(doc);
    doc.getArray<string>(PARTY_IDS).delete(0, 1);
    doc.getArray<string>(PARTY_IDS).push(['p3']);
    const analysis = analyseUpdate(kept, Y.encodeStateAsUpdate(doc, sv));
    if (!analysis.ok) throw new Error(analysis.detail);
    expect(kept.deletesParty(analysis.deletes)).toBe(true);
    kept.add(Y.encodeStateAsUpdate(doc, sv), analysis);
    expect([...kept.partyIds()].sort()).toEqual(['p2', 'p3']);
    // The same delete set again (every reconnect resends it) deletes nothing new.
    const again = analyseUpdate(kept, Y.encodeStateAsUpdate(doc, sv));
    expect(again.ok && again.deletes).toEqual([]);
  });
});

describe('the indexes', () => {
  it('merges runs of one root and finds them', () => {
    const roots = new RootIndex();
    roots.add(1, 0, 5, 'a');
    roots.add(1, 5, 5, 'a');
    roots.add(1, 10, 2, null);
    expect(roots.size).toBe(2);
    expect([roots.rootAt(1, 7), roots.rootAt(1, 11), roots.rootAt(1, 12), roots.rootAt(2, 0)]).toEqual(['a', null, undefined, undefined]);
    expect(() => roots.add(1, 3, 1, 'b')).toThrow();
  });

  it('merges deleted ranges that touch or overlap', () => {
    const deleted = new DeleteIndex();
    deleted.add(1, 10, 5);
    deleted.add(1, 0, 3);
    deleted.add(1, 3, 7);
    expect(deleted.addsTo(1, 0, 15)).toBe(false);
    expect(deleted.addsTo(1, 14, 2)).toBe(true);
    deleted.add(1, 20, 1);
    expect([deleted.has(1, 19), deleted.has(1, 20), deleted.has(2, 0)]).toEqual([false, true, false]);
  });
});
