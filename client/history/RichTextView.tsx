import type { ReactNode } from 'react';
import * as Y from 'yjs';

type Attrs = Record<string, unknown>;

/** Text with its marks (bold, italic…) as the editor stored them. */
function textRuns(text: Y.XmlText): ReactNode[] {
  return (text.toDelta() as { insert?: unknown; attributes?: Attrs }[]).map((op, i) => {
    if (typeof op.insert !== 'string') return null;
    let node: ReactNode = op.insert;
    const marks = op.attributes ?? {};
    if (marks['bold']) node = <strong>{node}</strong>;
    if (marks['italic']) node = <em>{node}</em>;
    if (marks['strike']) node = <s>{node}</s>;
    if (marks['code']) node = <code>{node}</code>;
    return <span key={i}>{node}</span>;
  });
}

function node(n: Y.XmlElement | Y.XmlText, key: number): ReactNode {
  if (n instanceof Y.XmlText) return <span key={key}>{textRuns(n)}</span>;
  const children = n.toArray().flatMap((c, i) => (c instanceof Y.XmlElement || c instanceof Y.XmlText ? [node(c, i)] : []));
  switch (n.nodeName) {
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading': {
      const level = Number(n.getAttribute('level') ?? 3);
      return level <= 2 ? <h3 key={key}>{children}</h3> : <h4 key={key}>{children}</h4>;
    }
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'codeBlock':
      return <pre key={key}>{children}</pre>;
    case 'hardBreak':
      return <br key={key} />;
    default:
      return <span key={key}>{children}</span>;
  }
}

/** A rich-text fragment of a version, read-only, as the editor lays it out (Tiptap's node names). */
export function RichTextView({ fragment, testId }: { fragment: Y.XmlFragment; testId?: string }) {
  const nodes = fragment.toArray().flatMap((c, i) => (c instanceof Y.XmlElement || c instanceof Y.XmlText ? [node(c, i)] : []));
  return (
    <div className="rich-text read-only-text" data-testid={testId}>
      <div className="tiptap ProseMirror">{nodes}</div>
    </div>
  );
}
