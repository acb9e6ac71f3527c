import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { SuggestableNodes } from '../../client/editor/suggestions/suggestableNodes';
import { DeletionMark, InsertionMark, ModificationMark } from '../../client/editor/suggestions/suggestionMarks';
import { isAllowedHref, TextExtensions } from '../../client/editor/textExtensions';

const schema = getSchema([...TextExtensions, ...SuggestableNodes, InsertionMark, DeletionMark, ModificationMark]);

describe('the rich-text schema', () => {
  it("has every node and mark of Tiptap's StarterKit (the editor lists them one by one)", () => {
    const starterKit = getSchema([StarterKit.configure({ undoRedo: false })]);
    for (const node of Object.keys(starterKit.nodes)) expect(schema.nodes, node).toHaveProperty(node);
    for (const mark of Object.keys(starterKit.marks)) expect(schema.marks, mark).toHaveProperty(mark);
  });

  it('keeps a link that a document holds, with its address', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:purpose');
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'See ');
    text.insert(4, 'the site', { link: { href: 'https://example.org/', target: '_blank', rel: null, class: null, title: null } });
    const node = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(node.textContent).toBe('See the site');
    const linked = node.firstChild?.lastChild;
    expect(linked?.text).toBe('the site');
    expect(linked?.marks.map((m) => [m.type.name, m.attrs['href']])).toEqual([['link', 'https://example.org/']]);
  });

  it('lets links point to web, mail and relative addresses, never to scripts', () => {
    for (const href of ['https://example.org/a?b', 'http://x.test', 'mailto:a@example.org', 'tel:+15145550100', '/a/b', '#part-2', 'page.html'])
      expect(isAllowedHref(href), href).toBe(true);
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x'])
      expect(isAllowedHref(href), href).toBe(false);
  });
});
