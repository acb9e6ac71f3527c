import type { Db } from './db';

/**
 * Holds an agreement's row until the current transaction ends. With several
 * instances on PostgreSQL this is what puts in one order everything that
 * reads and then writes one agreement's data: a lock against the document's
 * appends (PgDocLog takes the same row), the next number of a history
 * entry, the previous hash an audit entry chains to. SQLite has one writer,
 * whose transactions are one after the other already: nothing to do.
 */
export class AgreementLock {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.dialect === 'postgres' ? db.prepare<[string], { id: string }>('SELECT id FROM agreements WHERE id = ? FOR UPDATE') : null;
  }

  /** Call inside a transaction. */
  hold(agreementId: string): void {
    this.stmt?.get(agreementId);
  }
}
