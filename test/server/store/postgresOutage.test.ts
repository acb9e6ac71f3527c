import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, connect, createAgreement, startTestServer, useCleanup, type Client } from '../harness';
import { freshDatabase, TEST_DATABASE_URL } from '../pgTestDb';
import { tcpProxy } from '../tcpProxy';
import { paragraph } from '../fill';
import { fragmentName } from '../../../shared/schema';

const until = async (what: string, ok: () => boolean, ms = 15_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** The purpose section's paragraphs, as text. */
const textOf = (c: Client): string =>
  c.doc
    .getXmlFragment(fragmentName('purpose'))
    .toArray()
    .map((p) => (p instanceof Y.XmlElement ? p.toString().replace(/<[^>]+>/g, '') : ''))
    .join('|');
const write = (c: Client, text: string): void => c.doc.getXmlFragment(fragmentName('purpose')).push([paragraph(text)]);

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL unavailable', () => {
  const cleanup = useCleanup();

  it('refuses edits with 1011 and acknowledges nothing it did not store; once the database is back, the edit is stored and reaches everyone', async () => {
    const fresh = await freshDatabase();
    cleanup.push(() => fresh.drop());
    const url = new URL(fresh.url);
    const proxy = await tcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    cleanup.push(() => proxy.close());
    url.host = `127.0.0.1:${proxy.port}`;
    const server = await startTestServer({ databaseUrl: url.toString() });
    cleanup.push(() => server.dispose());
    const a = await createAgreement(server.url);
    const writer = connect(server.wsUrl, a.id, a.token);
    const reader = connect(server.wsUrl, a.id, a.token);
    cleanup.push(
      () => writer.destroy(),
      () => reader.destroy(),
    );
    await until('both synced', () => writer.provider.synced && reader.provider.synced);
    write(writer, 'stored');
    await until('the first edit to arrive', () => textOf(reader) === 'stored');

    const closes: number[] = [];
    writer.provider.on('connection-close', (event: CloseEvent | null) => void (event && closes.push(event.code)));
    await proxy.cut();
    write(writer, 'typed while the database was away');
    await until('the edit to be refused with 1011', () => closes.includes(1011));
    // Nothing reached the other client: it was never stored.
    await new Promise((r) => setTimeout(r, 500));
    expect(textOf(reader)).toBe('stored');
    const rest = await api(server.url, a.token, `/api/agreements/${a.id}`);
    expect(rest.status).toBe(503);
    expect(((await rest.json()) as { error: string }).error).toBe('unavailable');

    await proxy.restore();
    // The writer kept its change and sends it again on reconnecting; it is stored, then sent.
    await until('the edit to reach the reader', () => textOf(reader) === 'stored|typed while the database was away', 30_000);
    expect(textOf(writer)).toBe(textOf(reader));

    // And it is in the database: a fresh client of a restarted server reads it.
    writer.destroy();
    reader.destroy();
    await server.dispose();
    const again = await startTestServer({ databaseUrl: url.toString() });
    cleanup.push(() => again.dispose());
    const late = connect(again.wsUrl, a.id, a.token, new Y.Doc());
    cleanup.push(() => late.destroy());
    await until('the late client to sync', () => late.provider.synced);
    expect(textOf(late)).toBe('stored|typed while the database was away');
  });
});
