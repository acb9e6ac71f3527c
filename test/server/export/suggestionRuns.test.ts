import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richBlocks } from '../../../server/export/richBlocks';
import { ZWSP } from '../../../shared/suggestions';

/** A fragment with one paragraph, its text written as y-prosemirror writes suggesting mode's marks. */
function fragmentWith(write: (text: Y.XmlText) => void): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section:purpose');
  const p = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  p.insert(0, [text]);
  fragment.push([p]);
  write(text);
  return fragment;
}

describe('the rich-text reading of exports, with open suggestions', () => {
  it('marks suggested text inserted or deleted, drops the zero-width spaces and names each author after the paragraph', () => {
    const fragment = fragmentWith((t) => {
      t.insert(0, 'Collaborer', { deletion: { id: 'd1' } });
      t.insert(t.length, ' ensemble', { deletion: null });
      t.insert(t.length, ` et innover${ZWSP}`, { insertion: { id: 'i1', author: 'forged' }, bold: true });
    });
    const notes = new Map([
      ['d1', 'Suggestion by Paul (B)'],
      ['i1', 'Suggestion by Rita (A)'],
    ]);
    expect(richBlocks(fragment, (id) => notes.get(id) ?? '?')).toEqual([
      {
        kind: 'paragraph',
        text: 'Collaborer ensemble et innover',
        runs: [
          { text: 'Collaborer', deleted: true, suggestion: 'd1' },
          { text: ' ensemble' },
          { text: ' et innover', bold: true, inserted: true, suggestion: 'i1' },
        ],
      },
      { kind: 'paragraph', text: 'Suggestion by Paul (B)', runs: [{ text: 'Suggestion by Paul (B)', italic: true }] },
      { kind: 'paragraph', text: 'Suggestion by Rita (A)', runs: [{ text: 'Suggestion by Rita (A)', italic: true }] },
    ]);
  });

  it('prints text without suggestions as before: no runs, no notes', () => {
    const fragment = fragmentWith((t) => t.insert(0, 'Collaborer'));
    expect(richBlocks(fragment, () => 'never')).toEqual([{ kind: 'paragraph', text: 'Collaborer' }]);
  });
});
