import * as Y from 'yjs';
import type { Anchor } from '../../shared/api';

/**
 * Whether a text anchor still covers some text. The range is two Yjs
 * relative positions, so it follows its text through concurrent edits; once
 * that text is deleted both ends resolve to the same place (or nowhere).
 */
export function isOrphaned(doc: Y.Doc, anchor: Anchor): boolean {
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.start, 'base64')), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor.end, 'base64')), doc);
    if (!start || !end) return true;
    return start.type === end.type && start.index >= end.index;
  } catch {
    return true; // undecodable positions anchor nothing
  }
}
