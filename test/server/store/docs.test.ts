import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { MIGRATIONS, openDb, type Db } from '../../../server/store/db';
import { sqliteSql } from '../../../server/store/migrations';
import { DocStore } from '../../../server/store/docs';
import { tempDir } from '../harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function dataDir(): string {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(dir: string): Db {
  const db = openDb(dir);
  cleanup.push(() => db.close());
  db.prepare("INSERT OR IGNORE INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES ('doc', 't', 'en', 'mou', '', '')").run();
  return db;
}

/** An update adding `text` to a document that has `doc`'s history. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const textOf = (store: DocStore): string => store.load('doc').doc.getText('t').toString();

describe('document store', () => {
  it('updates stored after a compaction emptied the log still load, after a restart too', () => {
    const dir = dataDir();
    const writer = new Y.Doc();
    const db = open(dir);
    let store = new DocStore(db);
    store.appendMany(['a', 'b', 'c'].map((t) => ({ docId: 'doc', update: edit(writer, t) })));
    store.compact('doc', Y.encodeStateAsUpdate(writer), Y.encodeStateVector(writer));
    expect(db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc_id = 'doc'").get()).toEqual({ n: 0 });
    store.append('doc', edit(writer, 'd'));
    expect(textOf(store)).toBe('abcd');

    // A new store on the same file (a restart) continues the sequence above the snapshot.
    store = new DocStore(open(dir));
    store.compact('doc', Y.encodeStateAsUpdate(writer), Y.encodeStateVector(writer));
    store = new DocStore(open(dir));
    store.append('doc', edit(writer, 'e'));
    expect(textOf(store)).toBe('abcde');
  });

  it('a compacted document is its snapshot and state vector, until an update follows it', () => {
    const writer = new Y.Doc();
    const store = new DocStore(open(dataDir()));
    store.appendMany(['a', 'b'].map((t) => ({ docId: 'doc', update: edit(writer, t) })));
    expect(store.compacted('doc')).toBeNull();
    store.compact('doc', Y.encodeStateAsUpdate(writer), Y.encodeStateVector(writer));
    const compacted = store.compacted('doc');
    expect(new Uint8Array(compacted?.stateVector ?? [])).toEqual(Y.encodeStateVector(writer));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, compacted?.state ?? new Uint8Array());
    expect(copy.getText('t').toString()).toBe('ab');
    store.append('doc', edit(writer, 'c'));
    expect(store.compacted('doc')).toBeNull();
  });

  it('a data directory from before the clustered log keeps every update', () => {
    const dir = dataDir();
    const file = join(dir, 'entente.sqlite');
    const old = new Database(file);
    const clustered = MIGRATIONS.findIndex((m) => sqliteSql(m).includes('CREATE TABLE doc_log'));
    for (const m of MIGRATIONS.slice(0, clustered)) old.exec(sqliteSql(m));
    old.pragma(`user_version = ${clustered}`);
    old.prepare("INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES ('doc', 't', 'en', 'mou', '', '')").run();
    const writer = new Y.Doc();
    for (const t of ['x', 'y', 'z']) old.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run('doc', edit(writer, t));
    old.close();

    const store = new DocStore(open(dir));
    expect(textOf(store)).toBe('xyz');
    store.append('doc', edit(writer, '!'));
    expect(textOf(store)).toBe('xyz!');
  });
});
