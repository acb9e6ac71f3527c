import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import { anchorFromRange, anchorState, resolveAnchor, sectionOfFragment, type PmMapping } from '../../client/comments/anchors';
import { fragmentName } from '../../shared/schema';

/**
 * Comment anchors on a real Y.Doc, converted through the same Y type →
 * ProseMirror node mapping y-tiptap keeps for a live editor.
 */
const schema = getSchema([StarterKit.configure({ undoRedo: false })]);
const NAME = fragmentName('purpose');

function paragraphs(doc: Y.Doc, ...texts: string[]): Y.XmlText[] {
  const fragment = doc.getXmlFragment(NAME);
  const nodes = texts.map((text) => {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText(text);
    p.insert(0, [t]);
    return { p, t };
  });
  fragment.push(nodes.map((n) => n.p));
  return nodes.map((n) => n.t);
}

/** What an editor bound to the fragment shows, with the binding's mapping. */
function render(doc: Y.Doc): { pm: PmNode; mapping: PmMapping } {
  const { doc: pm, mapping } = initProseMirrorDoc(doc.getXmlFragment(NAME), schema);
  return { pm, mapping: mapping as PmMapping };
}

/** The ProseMirror range of `text` (its first occurrence) in the rendered doc. */
function rangeOf(pm: PmNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pm.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = node.text?.indexOf(text) ?? -1;
    if (at >= 0) found = { from: pos + at, to: pos + at + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" not in ${pm.textContent}`);
  return found;
}

function anchorOn(doc: Y.Doc, text: string) {
  const { pm, mapping } = render(doc);
  const { from, to } = rangeOf(pm, text);
  return anchorFromRange(NAME, doc.getXmlFragment(NAME), mapping, from, to, text);
}

/** The text an anchor covers now, as an editor would highlight it. */
function covered(doc: Y.Doc, anchor: { start: string; end: string }): string | null {
  const { pm, mapping } = render(doc);
  const range = resolveAnchor(doc, doc.getXmlFragment(NAME), mapping, anchor);
  return range && pm.textBetween(range.from, range.to, '\n');
}

/** Brings two docs to the same state, as the server does for two browsers. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('comment anchors', () => {
  it('round-trips a selection, in the first, middle and last paragraphs and across two', () => {
    const doc = new Y.Doc();
    paragraphs(doc, 'Les parties collaborent.', 'Second paragraphe ici.', 'Fin du texte');
    for (const text of ['Les parties', 'collaborent.', 'paragraphe', 'Fin du texte', 'texte']) {
      const anchor = anchorOn(doc, text);
      expect(covered(doc, anchor), text).toBe(text);
      expect(anchorState(doc, anchor)).toBe('anchored');
    }
    // Across two paragraphs: from "collaborent." to "Second".
    const { pm, mapping } = render(doc);
    const from = rangeOf(pm, 'collaborent.').from;
    const to = rangeOf(pm, 'Second').to;
    const anchor = anchorFromRange(NAME, doc.getXmlFragment(NAME), mapping, from, to, 'collaborent. Second');
    expect(covered(doc, anchor)).toBe('collaborent.\nSecond');
  });

  it('typing right before or right after the range does not extend it; typing inside does', () => {
    const doc = new Y.Doc();
    const [text] = paragraphs(doc, 'Les parties collaborent aux services.');
    const anchor = anchorOn(doc, 'collaborent');
    text!.insert('Les parties '.length, 'X'); // right before
    text!.insert('Les parties Xcollaborent'.length, 'Y'); // right after
    expect(covered(doc, anchor)).toBe('collaborent');
    text!.insert('Les parties Xcollab'.length, '-');
    expect(covered(doc, anchor)).toBe('collab-orent');
    expect(text!.toString()).toBe('Les parties Xcollab-orentY aux services.');
  });

  it('follows its text through concurrent edits from two clients, and new paragraphs before it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    paragraphs(a, 'Les parties collaborent aux services d’emploi.');
    exchange(a, b);
    const anchor = anchorOn(a, 'collaborent');
    // Concurrently: A types before the range, B deletes before it and adds a paragraph above.
    const textIn = (d: Y.Doc): Y.XmlText => (d.getXmlFragment(NAME).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textIn(a).insert(0, 'Préambule : ');
    textIn(b).delete(0, 'Les '.length);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Un nouveau paragraphe avant.')]);
    b.getXmlFragment(NAME).insert(0, [p]);
    expect(covered(b, anchor)).toBe('collaborent');
    exchange(a, b);
    expect(covered(a, anchor)).toBe('collaborent');
    expect(covered(b, anchor)).toBe('collaborent');
    expect(render(b).pm.textContent).toBe('Un nouveau paragraphe avant.Préambule : parties collaborent aux services d’emploi.');
  });

  it('is orphaned once its text, or its whole paragraph, is deleted', () => {
    const doc = new Y.Doc();
    const [first] = paragraphs(doc, 'Alpha beta gamma.', 'Delta epsilon.');
    const anchor = anchorOn(doc, 'beta');
    first!.delete('Alpha '.length, 'beta'.length);
    expect(anchorState(doc, anchor)).toBe('orphaned');
    expect(covered(doc, anchor)).toBeNull();

    const second = anchorOn(doc, 'epsilon');
    doc.getXmlFragment(NAME).delete(1, 1);
    expect(anchorState(doc, second)).toBe('orphaned');
    expect(covered(doc, second)).toBeNull();
  });

  it('is unknown, not orphaned, in a copy that has not received the text yet', () => {
    const doc = new Y.Doc();
    paragraphs(doc, 'Texte partagé.');
    const anchor = anchorOn(doc, 'partagé');
    expect(anchorState(new Y.Doc(), anchor)).toBe('unknown');
    expect(anchorState(doc, { start: '!!', end: anchor.end })).toBe('orphaned');
  });

  it('names the section of a fragment', () => {
    expect(sectionOfFragment(fragmentName('purpose'))).toBe('purpose');
    expect(sectionOfFragment(fragmentName('context', 'abc123'))).toBe('context');
    expect(sectionOfFragment('meta')).toBeNull();
  });
});
