import type { Db } from './db';
import type { AgreementSummary } from '../../shared/api';

interface Row {
  id: string;
  title: string;
  language: string;
  template_id: string;
  created_at: string;
  updated_at: string;
}

const toSummary = (r: Row): AgreementSummary => ({
  id: r.id,
  title: r.title,
  language: r.language,
  templateId: r.template_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The agreements table: what exists, with the metadata lists need. */
export class AgreementStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly touchStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string, string, string]>(
      'INSERT INTO agreements (id, title, language, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM agreements WHERE id = ?');
    this.listStmt = db.prepare<[], Row>('SELECT * FROM agreements ORDER BY updated_at DESC LIMIT 500');
    this.touchStmt = db.prepare<[string, string, string], Row>('UPDATE agreements SET title = ?, updated_at = ? WHERE id = ?');
  }

  insert(a: { id: string; title: string; language: string; templateId: string }, now = new Date().toISOString()): AgreementSummary {
    this.insertStmt.run(a.id, a.title, a.language, a.templateId, now, now);
    return { ...a, createdAt: now, updatedAt: now };
  }

  get(id: string): AgreementSummary | undefined {
    const row = this.getStmt.get(id);
    return row && toSummary(row);
  }

  exists(id: string): boolean {
    return this.getStmt.get(id) !== undefined;
  }

  list(): AgreementSummary[] {
    return this.listStmt.all().map(toSummary);
  }

  /** Records the current title and the time of the latest edit. */
  touch(id: string, title: string, now = new Date().toISOString()): void {
    this.touchStmt.run(title, now, id);
  }
}
