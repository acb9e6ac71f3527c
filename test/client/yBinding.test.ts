import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { bindingOf } from '../../client/comments/yBinding';

/** bindingOf reads y-tiptap's sync plugin state, which y-tiptap does not type: this catches an upgrade that changes it. */
const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

describe('bindingOf', () => {
  it('gives the fragment an editor state is bound to and its Y type → node mapping', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:purpose');
    const state = EditorState.create({ schema, plugins: [ySyncPlugin(fragment)] });
    const binding = bindingOf(state);
    expect(binding?.fragment).toBe(fragment);
    expect(binding?.mapping).toBeInstanceOf(Map);
  });

  it('is null for an editor without the sync plugin', () => {
    expect(bindingOf(EditorState.create({ schema }))).toBeNull();
  });
});
