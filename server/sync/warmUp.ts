import WebSocket from 'ws';
import * as Y from 'yjs';
import { analyseUpdate } from './encoded/analyse';
import { DocState } from './encoded/docState';

/** An agreement id no agreement has (ids are random, 22 characters): the handshake runs to the lookup, then closes with 4404. */
const NO_AGREEMENT = 'warm-up-no-such-agreem';

/**
 * Runs, once at start-up, the code the first person to open an agreement
 * would otherwise wait for: V8 compiles each function the first time it is
 * called, and opening an agreement calls many for the first time (the HTTP
 * upgrade and websocket handshake on both ends of a socket, the frame
 * reader and writer, the agreement lookup, Yjs's state vector, diff and
 * update code). A few milliseconds here instead of on the first open.
 */
export async function warmUp(baseUrl: string): Promise<void> {
  warmYjs();
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    // Never holds the start-up for long: the warm-up is an optimisation, not a check.
    const timer = setTimeout(done, 2000);
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${NO_AGREEMENT}`);
    ws.on('open', () => ws.send(Buffer.from([0, 0, 1, 0])));
    ws.on('close', done);
    ws.on('error', done);
  });
}

/** What opening, answering, indexing and updating a document runs, on a small one. */
function warmYjs(): void {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('warm')]);
  doc.getXmlFragment('warm').push([paragraph]);
  doc.getMap('meta').set('title', 'warm');
  const state = Y.encodeStateAsUpdate(doc);
  const empty = Y.encodeStateVector(new Y.Doc());
  Y.decodeStateVector(empty);
  Y.diffUpdate(state, Y.encodeStateVector(doc));
  Y.encodeStateVectorFromUpdate(state);
  Y.decodeUpdate(state);
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, state);
  Y.encodeStateAsUpdate(copy, empty);
  Y.encodeStateVector(copy);
  // A room keeps its document encoded (DocState): reading the indexes, analysing and merging an update.
  const kept = DocState.fromDoc(copy, state);
  const sv = Y.encodeStateVector(doc);
  doc.getMap('meta').set('title', 'warmer');
  const update = Y.encodeStateAsUpdate(doc, sv);
  const analysis = analyseUpdate(kept, update);
  if (analysis.ok) kept.add(update, analysis);
  kept.diff(sv);
  copy.destroy();
  doc.destroy();
}
