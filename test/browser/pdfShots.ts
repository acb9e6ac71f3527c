import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Route } from 'playwright-core';

/**
 * Pictures of a PDF's pages, to look at: PDF.js draws each page on a canvas in the test's own
 * headless Chromium, and the canvas is saved as `<prefix>-<page>.png`. No poppler needed.
 * The page and PDF.js come from a made-up origin that Playwright answers itself, so nothing
 * leaves the machine.
 */

const PDFJS_BUILD = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');
const ORIGIN = 'http://pdf-shots.invalid';

const PAGE = `<!doctype html>
<body style="margin:0;background:#888">
<script type="module">
  import * as pdfjs from '/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  const params = new URLSearchParams(location.search);
  const doc = await pdfjs.getDocument('/doc.pdf').promise;
  const count = Math.min(doc.numPages, Number(params.get('pages')) || doc.numPages);
  for (let n = 1; n <= count; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: Number(params.get('scale')) });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    canvas.style.display = 'block';
    document.body.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  document.body.dataset.rendered = String(count);
</script>`;

export interface PdfShotOptions {
  /** Pixels per PDF point (1 = 72 dpi); default about 100 dpi. */
  scale?: number;
  /** Only the first pages; default all. */
  pages?: number;
}

/** Renders the PDF's pages to PNG files; returns their paths. */
export async function pdfPagesToPng(browser: Browser, pdf: Uint8Array, prefix: string, options: PdfShotOptions = {}): Promise<string[]> {
  const files: Record<string, { type: string; body: Buffer }> = {
    '/': { type: 'text/html', body: Buffer.from(PAGE) },
    '/doc.pdf': { type: 'application/pdf', body: Buffer.from(pdf) },
    '/pdf.mjs': { type: 'text/javascript', body: readFileSync(join(PDFJS_BUILD, 'pdf.mjs')) },
    '/pdf.worker.mjs': { type: 'text/javascript', body: readFileSync(join(PDFJS_BUILD, 'pdf.worker.mjs')) },
  };
  const context = await browser.newContext();
  try {
    await context.route(`${ORIGIN}/**`, (route: Route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.fulfill({ status: 404 });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`${ORIGIN}/?scale=${options.scale ?? 1.4}&pages=${options.pages ?? 0}`);
    await page
      .locator('body[data-rendered]')
      .waitFor({ timeout: 20_000 })
      .catch((err: unknown) => {
        throw new Error(`PDF.js did not render the PDF: ${errors.join(' | ') || String(err)}`);
      });
    const count = Number(await page.locator('body').getAttribute('data-rendered'));
    const paths: string[] = [];
    for (let n = 1; n <= count; n++) {
      const path = `${prefix}-${n}.png`;
      await page
        .locator('canvas')
        .nth(n - 1)
        .screenshot({ path });
      paths.push(path);
    }
    return paths;
  } finally {
    await context.close();
  }
}
