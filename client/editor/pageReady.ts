import { useSyncExternalStore } from 'react';

/**
 * When the agreement page is first usable: a section's editor is there and
 * the first sync is done (or has taken longer than FALLBACK_MS). What the
 * reader does not need to start typing waits for it, so it does not take the
 * main thread, the network and the server from the text: the side column
 * and dialogs (client/deferred.tsx), with the requests they make. Once per page load: a later agreement
 * opened in the same tab does not wait again. Never later than FALLBACK_MS
 * after the document opened: a server that cannot be reached, a template
 * that failed or a first section left out must not keep the rest away.
 */
const FALLBACK_MS = 1500;

let editorShown = false;
let synced = false;
let ready = false;
let fallback: ReturnType<typeof setTimeout> | undefined;

function markReady(): void {
  editorShown = true;
  synced = true;
  check();
}

/** The document is open (its sections about to render): starts the fallback. */
export function noteOpened(): void {
  fallback ??= setTimeout(markReady, FALLBACK_MS);
}
const listeners = new Set<() => void>();
const tasks: (() => void)[] = [];

function check(): void {
  if (ready || !editorShown || !synced) return;
  ready = true;
  clearTimeout(fallback);
  for (const listener of listeners) listener();
  for (const task of tasks.splice(0)) task();
}

/** A section editor was created (client/editor/RichText.tsx). */
export function noteEditorShown(): void {
  editorShown = true;
  check();
}

/** The indicator said everything is saved for the first time (client/editor/AgreementEditor.tsx). */
export function noteSynced(): void {
  synced = true;
  check();
}

/** Runs `task` once the page is usable (at once if it is). */
export function whenPageReady(task: () => void): void {
  if (ready) task();
  else tasks.push(task);
}

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether the page is usable yet (client/editor/editorTurns.ts asks before it schedules). */
export const isPageReady = (): boolean => ready;

export const usePageReady = (): boolean => useSyncExternalStore(subscribe, isPageReady);
