import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { fragmentName } from '../../shared/schema';
import { connect, createAgreement, synced, tempDir, waitFor, type Client } from './harness';
import { spawnServer } from './spawnServer';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

const lines = (doc: Y.Doc): string[] =>
  doc
    .getXmlFragment(fragmentName('purpose'))
    .toArray()
    .map((p) => (p instanceof Y.XmlElement ? p.toString().replace(/<[^>]+>/g, '') : ''));

describe('crash safety', () => {
  it('a server killed with SIGKILL while clients type loses no update another client had received', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await spawnServer(dataDir);
    cleanup.push(() => first.proc.kill('SIGKILL'));
    const { id, token } = await createAgreement(first.url);
    const wsUrl = first.url.replace('http', 'ws');
    const writers: Client[] = [connect(wsUrl, id, token), connect(wsUrl, id, token)];
    const observer = connect(wsUrl, id, token);
    await Promise.all([...writers, observer].map(synced));

    let n = 0;
    const typing = setInterval(() => {
      for (const [w, writer] of writers.entries()) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`w${w}-${n}`)]);
        writer.doc.getXmlFragment(fragmentName('purpose')).push([p]);
      }
      n++;
    }, 3);
    await waitFor(() => lines(observer.doc).length > 200, 'typing under way');
    first.proc.kill('SIGKILL');
    clearInterval(typing);
    // Writers vanish with the server: nothing they still hold may be resent.
    for (const w of writers) w.destroy();
    await new Promise<void>((resolve) => first.proc.once('exit', () => resolve()));
    await new Promise((r) => setTimeout(r, 100));
    const seen = lines(observer.doc);
    observer.destroy();
    expect(seen.length).toBeGreaterThan(200);

    const second = await spawnServer(dataDir);
    cleanup.push(() => second.proc.kill('SIGKILL'));
    const reader = connect(second.url.replace('http', 'ws'), id, token);
    cleanup.push(() => reader.destroy());
    await synced(reader);
    const stored = new Set(lines(reader.doc));
    const lost = seen.filter((l) => !stored.has(l));
    expect(lost).toEqual([]);
  }, 60_000); // two server processes and four clients: on a loaded 2-core machine it has needed more than 30 s
});
