import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isPageReady, whenPageReady } from './pageReady';

/**
 * Which section editors are built when. Each Tiptap editor costs a few tens
 * of milliseconds of the main thread (schema, plugins, the first render of
 * its fragment), and the page load is bound by that thread: the seven of the
 * MOU, built in the render that shows the sections, held back the first sync
 * and the "saved" the reader waits for. So the first editor of the page load
 * is built at once, and the others once the page is usable (pageReady.ts),
 * one per task in page order; until then a section shows its text as it
 * stands. Pressing on a waiting section builds its editor next.
 * bench/pageload.ts times both "first section editable" and "every section editable".
 */
interface Turn {
  grant: () => void;
}

const queue: Turn[] = [];
let holder: Turn | null = null;
let scheduled = false;
let firstGiven = false;

function schedule(): void {
  if (scheduled || !isPageReady()) return;
  scheduled = true;
  setTimeout(next, 0);
}

whenPageReady(() => {
  if (!holder && queue.length > 0) schedule();
});

function next(): void {
  scheduled = false;
  if (holder) return;
  const turn = queue.shift();
  if (!turn) return;
  holder = turn;
  turn.grant();
}

function request(turn: Turn): () => void {
  queue.push(turn);
  if (!firstGiven) {
    firstGiven = true;
    next();
  } else if (!holder) schedule();
  return () => {
    const at = queue.indexOf(turn);
    if (at !== -1) queue.splice(at, 1);
    release(turn);
  };
}

/** Moves `turn` to the front, and lets it go now if the page is still waiting (the reader pressed on its section). */
function hurry(turn: Turn): void {
  const at = queue.indexOf(turn);
  if (at === -1) return;
  queue.splice(at, 1);
  queue.unshift(turn);
  if (!holder) next();
}

/** The holder's editor is committed (or it went away): the next one, a task later. */
function release(turn: Turn): void {
  if (holder !== turn) return;
  holder = null;
  if (queue.length > 0) schedule();
}

/** Whether this component may build its editor (true for good once it may), and a way to ask for it now. */
export function useEditorTurn(): { granted: boolean; hurry: () => void } {
  const [granted, setGranted] = useState(false);
  const turn = useRef<Turn | null>(null);
  const had = useRef(false);
  useLayoutEffect(() => {
    if (had.current) return; // StrictMode runs effects twice: a turn once had is kept
    const mine: Turn = {
      grant: () => {
        had.current = true;
        setGranted(true);
      },
    };
    turn.current = mine;
    return request(mine);
  }, []);
  useEffect(() => {
    if (granted && turn.current) release(turn.current);
  }, [granted]);
  return { granted, hurry: () => turn.current && hurry(turn.current) };
}
