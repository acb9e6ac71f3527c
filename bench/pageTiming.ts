/**
 * One page open in headless Chromium, timed from the start of navigation
 * (performance.timeOrigin) until the page is usable: an editor accepts
 * typing and the first sync with the server is done. Also records which
 * script files the page asked for until then.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { processTreeCpu } from './procstat';

/** When the page counts as usable, evaluated in the page on every animation frame. */
export type Readiness = 'app' | 'minimal';

/** In the page: performance.now() once usable, else false. Kept as plain functions (they run in Chromium). */
const READY: Record<Readiness, () => number | false> = {
  // The agreement page: a section editor is editable and the indicator says everything is saved (synced, nothing pending).
  app: () => {
    const status = document.querySelector('[data-testid="connection-status"]');
    const editor = document.querySelector('[data-fragment] .ProseMirror[contenteditable="true"]');
    return status?.getAttribute('data-state') === 'saved' && editor ? performance.now() : false;
  },
  // bench/minimal: its editor is editable and y-websocket reported the first sync.
  minimal: () => {
    const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
    return document.body.dataset['ready'] === 'true' && editor ? performance.now() : false;
  },
};

/** In the page: performance.now() once every rich-text area has its editor (the agreement page builds them after the first, client/editor/editorTurns.ts). */
const ALL_EDITORS: Record<Readiness, () => number | false> = {
  app: () => (document.querySelector('[data-fragment]') && !document.querySelector('.rich-text-pending') ? performance.now() : false),
  minimal: () => performance.now(),
};

export interface Opened {
  ms: number;
  /** Until every section's editor is there too. */
  allMs: number;
  /** Bytes of JS the page received (compressed as sent) until it was usable. */
  scriptBytes: number;
  /**
   * CPU time, in ms, this process and everything it started used from the
   * navigation until the page was usable: the servers and Playwright (this
   * process) and every Chromium process (renderer, browser, network, GPU).
   * NaN where /proc is not there.
   */
  cpuMs: number;
  /** Script URLs the page requested before it was usable, in order. */
  scripts: string[];
  page: Page;
}

export async function timeOpen(context: BrowserContext, url: string, readiness: Readiness): Promise<Opened> {
  const page = await context.newPage();
  const scripts: string[] = [];
  let done = false;
  page.on('request', (request) => {
    if (!done && request.resourceType() === 'script') scripts.push(request.url());
  });
  const cpuBefore = processTreeCpu(process.pid);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(READY[readiness], undefined, { polling: 'raf', timeout: 60_000 });
  done = true;
  const cpuAfter = processTreeCpu(process.pid);
  const cpuMs = cpuBefore && cpuAfter ? (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) * 1000 : Number.NaN;
  const ms = (await handle.jsonValue()) as number;
  const all = await page.waitForFunction(ALL_EDITORS[readiness], undefined, { polling: 'raf', timeout: 60_000 });
  const allMs = (await all.jsonValue()) as number;
  const scriptBytes = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((r): r is PerformanceResourceTiming => r instanceof PerformanceResourceTiming && /\.js(\?|$)/.test(r.name) && r.responseEnd <= until)
        .reduce((sum, r) => sum + r.encodedBodySize, 0),
    ms,
  );
  return { ms, allMs, scriptBytes, cpuMs, scripts, page };
}
