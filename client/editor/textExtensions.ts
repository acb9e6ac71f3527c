import { Mark, mergeAttributes } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { Code } from '@tiptap/extension-code';
import { CodeBlock } from '@tiptap/extension-code-block';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { ListKeymap } from '@tiptap/extension-list/keymap';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import { Text } from '@tiptap/extension-text';
import { Underline } from '@tiptap/extension-underline';
// Each from its own entry: the packages' main ones bring every extension they hold (undo/redo with prosemirror-history, task lists…).
import { Dropcursor } from '@tiptap/extensions/drop-cursor';
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
import { TrailingNode } from '@tiptap/extensions/trailing-node';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Schemes a link may point to (Tiptap's Link allows the same); anything without a scheme is a relative address. */
const SCHEMES = new Set(['http', 'https', 'ftp', 'ftps', 'mailto', 'tel', 'callto', 'sms', 'cid', 'xmpp']);

/** Whether an address is safe to put in an href: no `javascript:` and the like. */
export function isAllowedHref(href: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme, so they are taken out before it is read.
  const bare = Array.from(href)
    .filter((c) => c > ' ' && !/\s/u.test(c))
    .join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1];
  return scheme === undefined || SCHEMES.has(scheme.toLowerCase());
}

/**
 * The `link` mark as Tiptap's Link extension defines it in the schema (same
 * name, attributes and HTML) and its click that opens the link, without its
 * autolinking of typed and pasted addresses, which needs linkifyjs (about
 * 16 kB gzip with the extension) in every agreement page's first load.
 * The mark has to stay in the schema: y-prosemirror drops content the schema
 * cannot hold, and links pasted from a web page or typed into an older draft
 * are in documents. Exports write links as their text (server/export).
 */
export const LinkMark = Mark.create({
  name: 'link',
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  inclusive: false,
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') },
      target: { default: '_blank' },
      rel: { default: 'noopener noreferrer nofollow' },
      class: { default: null },
      title: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: 'a[href]', getAttrs: (dom: HTMLElement) => (isAllowedHref(dom.getAttribute('href') ?? '') ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    const href = typeof HTMLAttributes['href'] === 'string' && isAllowedHref(HTMLAttributes['href']) ? HTMLAttributes['href'] : '';
    return ['a', mergeAttributes(HTMLAttributes, { href }), 0];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('handleClickLink'),
        props: {
          // As Tiptap's Link: in an editable area a click on a link opens it (a read-only one leaves it to the browser).
          handleClick: (view, _pos, event) => {
            if (event.button !== 0 || !view.editable || !(event.target instanceof Element)) return false;
            const link = event.target.closest('a');
            if (!link || !view.dom.contains(link) || !link.href) return false;
            window.open(link.href, link.target);
            return true;
          },
        },
      }),
    ];
  },
});

/**
 * What Tiptap's StarterKit gives a rich-text area, less undo/redo (Yjs has
 * its own), the block nodes that carry suggestion marks (suggestableNodes.ts)
 * and Link's autolinking (LinkMark above), listed one by one so that the
 * parts left out are not downloaded: StarterKit imports all of them.
 * The order is StarterKit's.
 */
export const TextExtensions = [
  Bold,
  Code,
  CodeBlock,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  HorizontalRule,
  Italic,
  ListKeymap,
  LinkMark,
  Paragraph,
  Strike,
  Text,
  Underline,
  TrailingNode,
];
