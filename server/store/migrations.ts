/**
 * The schema, as the list of changes that built it: a database at version
 * `n` has had the first `n` applied, in order. Append only; never edit an
 * entry once released. Written in SQLite's dialect; PostgreSQL runs the same
 * list (server/store/postgres/ddl.ts translates types, and an entry gives a
 * `postgres` text where a statement has no common form).
 */
export type Migration = string | { sqlite: string; postgres: string };

/** A migration as SQLite runs it. */
export const sqliteSql = (m: Migration): string => (typeof m === 'string' ? m : m.sqlite);

/** The parties migration's tables (the same in both dialects; the statement that fills them differs). */
const PARTY_TABLES = `CREATE TABLE parties (
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     id TEXT NOT NULL,
     position INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (agreement_id, id)
   );
   CREATE TABLE version_signers (
     version_id TEXT NOT NULL REFERENCES versions(id),
     party_id TEXT NOT NULL,
     participant_id TEXT NOT NULL REFERENCES participants(id),
     PRIMARY KEY (version_id, participant_id)
   );`;

export const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE agreements (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     language TEXT NOT NULL,
     template_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES agreements(id),
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(doc_id, seq);
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY REFERENCES agreements(id),
     data BLOB NOT NULL,
     last_seq INTEGER NOT NULL
   );`,
  `CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     name TEXT NOT NULL,
     email TEXT NOT NULL,
     party_id TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
     signatory INTEGER NOT NULL DEFAULT 0,
     token_hash TEXT NOT NULL UNIQUE,
     token TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX participants_agreement ON participants(agreement_id);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     participant_id TEXT NOT NULL REFERENCES participants(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX sessions_participant ON sessions(participant_id);`,
  `CREATE TABLE threads (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     section_key TEXT NOT NULL,
     anchor TEXT,
     visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'party')),
     party_id TEXT NOT NULL,
     author_id TEXT NOT NULL REFERENCES participants(id),
     created_at TEXT NOT NULL,
     resolved_at TEXT,
     resolved_by TEXT REFERENCES participants(id)
   );
   CREATE INDEX threads_agreement ON threads(agreement_id);
   CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL REFERENCES threads(id),
     author_id TEXT NOT NULL REFERENCES participants(id),
     body TEXT NOT NULL,
     mentions TEXT NOT NULL DEFAULT '[]',
     created_at TEXT NOT NULL,
     edited_at TEXT,
     deleted_at TEXT
   );
   CREATE INDEX comments_thread ON comments(thread_id, created_at);
   CREATE TABLE thread_events (
     thread_id TEXT NOT NULL REFERENCES threads(id),
     action TEXT NOT NULL CHECK (action IN ('resolved', 'reopened')),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     at TEXT NOT NULL
   );
   CREATE INDEX thread_events_thread ON thread_events(thread_id);
   CREATE TABLE thread_reads (
     participant_id TEXT NOT NULL REFERENCES participants(id),
     thread_id TEXT NOT NULL REFERENCES threads(id),
     read_at TEXT NOT NULL,
     PRIMARY KEY (participant_id, thread_id)
   );`,
  `ALTER TABLE agreements ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
     CHECK (status IN ('draft', 'locked', 'signed'));
   CREATE TABLE approvals (
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     section_key TEXT NOT NULL,
     party_id TEXT NOT NULL,
     participant_id TEXT NOT NULL REFERENCES participants(id),
     content_hash TEXT NOT NULL,
     approved_at TEXT NOT NULL,
     PRIMARY KEY (agreement_id, section_key, party_id)
   );
   CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     number INTEGER NOT NULL,
     state BLOB NOT NULL,
     canonical TEXT NOT NULL,
     hash TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('locked', 'unlocked', 'signed', 'cancelled')),
     locked_at TEXT NOT NULL,
     locked_by TEXT NOT NULL REFERENCES participants(id),
     closed_at TEXT,
     close_reason TEXT,
     signed_at TEXT,
     pdf BLOB,
     pdf_hash TEXT,
     UNIQUE (agreement_id, number)
   );
   CREATE INDEX versions_hash ON versions(hash);
   CREATE INDEX versions_pdf_hash ON versions(pdf_hash);
   -- A version's content never changes once stored.
   CREATE TRIGGER versions_immutable BEFORE UPDATE OF state, canonical, hash ON versions
     BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
   CREATE TABLE signatures (
     id TEXT PRIMARY KEY,
     version_id TEXT NOT NULL REFERENCES versions(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     party_id TEXT NOT NULL,
     full_name TEXT NOT NULL,
     title TEXT NOT NULL,
     signed_at TEXT NOT NULL,
     ip TEXT NOT NULL,
     user_agent TEXT NOT NULL,
     version_hash TEXT NOT NULL,
     UNIQUE (version_id, participant_id)
   );
   CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     at TEXT NOT NULL,
     actor_id TEXT,
     action TEXT NOT NULL,
     details TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_agreement ON audit_log(agreement_id, seq);
   -- Append-only: rows are never changed or removed by the application.
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
  // The update log clustered by document: a commit now writes one page to the
  // WAL instead of three (table, index, sqlite_sequence). Sequence numbers are
  // per document and assigned by DocStore.
  `CREATE TABLE doc_log (
     doc_id TEXT NOT NULL REFERENCES agreements(id),
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (doc_id, seq)
   ) WITHOUT ROWID;
   INSERT INTO doc_log (doc_id, seq, data) SELECT doc_id, seq, data FROM doc_updates;
   DROP TABLE doc_updates;
   ALTER TABLE doc_log RENAME TO doc_updates;`,
  // Parties are server data: the list of ids and their order live here (the
  // Y.Doc holds each party's fields under `party:<id>`). Agreements stored
  // before this are migrated on first load (server/sync/migrateDoc.ts).
  // A locked version records who must sign it; versions locked before this
  // take the designated signatories of their parties at migration time.
  {
    sqlite: `${PARTY_TABLES}
   INSERT INTO version_signers (version_id, party_id, participant_id)
     SELECT v.id, p.party_id, p.id FROM versions v JOIN participants p ON p.agreement_id = v.agreement_id
     WHERE v.status = 'locked' AND p.signatory = 1 AND p.revoked_at IS NULL
       AND p.party_id IN (SELECT json_extract(value, '$.id') FROM json_each(v.canonical, '$.parties'));`,
    postgres: `${PARTY_TABLES}
   INSERT INTO version_signers (version_id, party_id, participant_id)
     SELECT v.id, p.party_id, p.id FROM versions v JOIN participants p ON p.agreement_id = v.agreement_id
     WHERE v.status = 'locked' AND p.signatory = 1 AND p.revoked_at IS NULL
       AND p.party_id IN (SELECT x->>'id' FROM jsonb_array_elements(v.canonical::jsonb->'parties') x);`,
  },

  // Personal-link tokens are kept as hashes only. The plaintext sat beside
  // its hash so the owner could copy a link again; wherever the two disagree
  // the hash is recomputed from the plaintext (sha256_hex, see migrate()),
  // since that is what people hold in their links, then the plaintext goes.
  {
    sqlite: `UPDATE participants SET token_hash = sha256_hex(token) WHERE token_hash IS NOT sha256_hex(token);
   ALTER TABLE participants DROP COLUMN token;`,
    postgres: `UPDATE participants SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
     WHERE token_hash IS DISTINCT FROM encode(sha256(convert_to(token, 'UTF8')), 'hex');
   ALTER TABLE participants DROP COLUMN token;`,
  },
  // The certificate of a signed PDF prints the fingerprint of the agreement
  // pages (the PDF before the certificate page was added); it is kept so the
  // verify page recognises it. Versions signed before get it at start when
  // it can be recomputed exactly (server/export/backfill.ts).
  `ALTER TABLE versions ADD COLUMN pages_hash TEXT;
   CREATE INDEX versions_pages_hash ON versions(pages_hash);`,
  // The drafting history (server/store/history.ts): automatic checkpoints,
  // named versions, restores, and a copy of each locked version, each with
  // its own Yjs state (deflated) so it is read without keeping gc off for the
  // live document; and the version each participant last saw.
  `CREATE TABLE history (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     number INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('created', 'auto', 'named', 'locked', 'restored')),
     name TEXT,
     created_at TEXT NOT NULL,
     created_by TEXT REFERENCES participants(id),
     authors TEXT NOT NULL,
     sections TEXT NOT NULL,
     parties TEXT NOT NULL,
     state BLOB NOT NULL,
     canonical TEXT NOT NULL,
     hash TEXT NOT NULL,
     locked_version INTEGER,
     restored_from INTEGER,
     UNIQUE (agreement_id, number)
   );
   CREATE TRIGGER history_immutable BEFORE UPDATE ON history
     BEGIN SELECT RAISE(ABORT, 'history is immutable'); END;
   CREATE TABLE history_seen (
     participant_id TEXT PRIMARY KEY REFERENCES participants(id),
     history_id TEXT NOT NULL REFERENCES history(id),
     seen_at TEXT NOT NULL
   );`,
  // Who wrote what, as the server saw it (server/sync/authorship.ts): each Yjs
  // client id is bound to the first participant whose stored update carried it
  // (null: the server itself, or content from before this was recorded), with
  // their party at that moment; and when each run of a client's items was stored
  // (items from `clock` up to the next span's were stored from `at`, within a minute).
  `CREATE TABLE author_clients (
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     client_id INTEGER NOT NULL,
     participant_id TEXT REFERENCES participants(id),
     party_id TEXT,
     bound_at TEXT NOT NULL,
     PRIMARY KEY (agreement_id, client_id)
   ) WITHOUT ROWID;
   CREATE TABLE author_spans (
     agreement_id TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     clock INTEGER NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (agreement_id, client_id, clock),
     FOREIGN KEY (agreement_id, client_id) REFERENCES author_clients(agreement_id, client_id)
   ) WITHOUT ROWID;`,
  // After signing (server/lifecycle/): the owner's choice on review meetings
  // (on unless a row says off), the notice of termination (one per signed
  // version; the agreement ends on its effective day), the record of the
  // partnership's history and achievements the parties write once it ends,
  // and the SHA-256 of each signed version's JSON copy, for /api/verify.
  `CREATE TABLE lifecycle_settings (
     agreement_id TEXT PRIMARY KEY REFERENCES agreements(id),
     review_meetings INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE notices (
     version_id TEXT PRIMARY KEY REFERENCES versions(id),
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     party_id TEXT NOT NULL,
     reason TEXT NOT NULL,
     given_at TEXT NOT NULL,
     effective_on TEXT NOT NULL
   );
   CREATE INDEX notices_agreement ON notices(agreement_id);
   CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices BEGIN SELECT RAISE(ABORT, 'a notice is never changed'); END;
   CREATE TABLE partnership_records (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     party_id TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX partnership_records_agreement ON partnership_records(agreement_id, created_at);
   CREATE TABLE signed_copies (
     version_id TEXT PRIMARY KEY REFERENCES versions(id),
     json_hash TEXT NOT NULL
   );
   CREATE INDEX signed_copies_hash ON signed_copies(json_hash);
   -- The scheduler's memory: each dated event of a signed version (its end,
   -- a review meeting, the renewal review…) is handled once, across restarts.
   CREATE TABLE lifecycle_events (
     version_id TEXT NOT NULL REFERENCES versions(id),
     kind TEXT NOT NULL,
     on_day TEXT NOT NULL,
     done_at TEXT NOT NULL,
     PRIMARY KEY (version_id, kind, on_day)
   ) WITHOUT ROWID;`,
  // Notifications (server/notify/): what each participant is told, in the app
  // (read or not), and the e-mail outbox: a message is written in the same
  // transaction as its notification and sent later with retries, so a slow or
  // failing SMTP server never holds a request and nothing is lost or sent
  // twice across a restart (a message is claimed before it is sent; one left
  // claimed by a stopped process is tried again). E-mail choices and the
  // language are per person, by e-mail address.
  `CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     kind TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     read_at TEXT
   );
   CREATE INDEX notifications_participant ON notifications(participant_id, created_at);
   CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     notification_id TEXT NOT NULL UNIQUE REFERENCES notifications(id),
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     to_address TEXT NOT NULL,
     subject TEXT NOT NULL,
     body TEXT NOT NULL,
     attach_version_id TEXT REFERENCES versions(id),
     status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     last_error TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT
   );
   CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
   CREATE INDEX outbox_agreement ON outbox(agreement_id, status);
   CREATE TABLE mail_preferences (
     email TEXT PRIMARY KEY,
     language TEXT,
     off TEXT NOT NULL DEFAULT '[]'
   );`,
  // The state vector of each compacted document (server/sync/storedState.ts): a client opening it
  // is greeted without reading the vector out of the whole state. Null until the next compaction.
  `ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;`,
  // Renewals and amendments (server/lifecycle/followUps.ts): a new draft
  // prefilled from a signed version, linked to it; the original stays as it
  // was signed. A renewal decision of 'expire' has no draft.
  `CREATE TABLE agreement_links (
     source_version_id TEXT NOT NULL REFERENCES versions(id),
     source_id TEXT NOT NULL REFERENCES agreements(id),
     kind TEXT NOT NULL CHECK (kind IN ('amendment', 'renewal', 'expire')),
     target_id TEXT REFERENCES agreements(id),
     created_by TEXT NOT NULL REFERENCES participants(id),
     created_at TEXT NOT NULL
   );
   CREATE INDEX agreement_links_source ON agreement_links(source_id, created_at);
   CREATE INDEX agreement_links_target ON agreement_links(target_id);`,
  // Calendar feeds (server/calendar/): known by their token's hash only, like
  // personal links. A person's feed lists the participants it covers (the
  // dashboard's person when it was made); an agreement's covers its maker.
  `CREATE TABLE calendar_feeds (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     participant_id TEXT NOT NULL REFERENCES participants(id),
     scope TEXT NOT NULL CHECK (scope IN ('agreement', 'person')),
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX calendar_feeds_participant ON calendar_feeds(participant_id, scope);
   CREATE TABLE calendar_feed_members (
     feed_id TEXT NOT NULL REFERENCES calendar_feeds(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     PRIMARY KEY (feed_id, participant_id)
   ) WITHOUT ROWID;`,
  // A person (server/auth/persons.ts): one browser-wide session across
  // agreements. Each participant whose personal link was opened in a browser
  // signed in as the person is attached to them (possession of the link is the
  // proof); `opened` says which of their participants on one agreement was
  // opened last (that one is who they are there). An e-mail address is the
  // person's once a link mailed to it was opened (`person_emails`); sign-in
  // links (copied or e-mailed) are single use, short-lived, stored as their
  // SHA-256 only, like sessions. A person's calendar feed follows the person.
  `CREATE TABLE persons (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL
   );
   CREATE TABLE person_sessions (
     token_hash TEXT PRIMARY KEY,
     person_id TEXT NOT NULL REFERENCES persons(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX person_sessions_person ON person_sessions(person_id);
   CREATE TABLE person_participants (
     person_id TEXT NOT NULL REFERENCES persons(id),
     participant_id TEXT NOT NULL REFERENCES participants(id),
     agreement_id TEXT NOT NULL REFERENCES agreements(id),
     opened_at TEXT NOT NULL,
     opened INTEGER NOT NULL, -- the person's count of links opened, at this one's last opening: the latest wins
     PRIMARY KEY (person_id, participant_id)
   ) WITHOUT ROWID;
   CREATE INDEX person_participants_agreement ON person_participants(person_id, agreement_id, opened);
   CREATE INDEX person_participants_order ON person_participants(person_id, opened);
   CREATE INDEX person_participants_participant ON person_participants(participant_id);
   CREATE TABLE person_emails (
     email TEXT PRIMARY KEY,
     person_id TEXT NOT NULL REFERENCES persons(id),
     verified_at TEXT NOT NULL
   );
   CREATE INDEX person_emails_person ON person_emails(person_id);
   CREATE TABLE person_tokens (
     token_hash TEXT PRIMARY KEY,
     person_id TEXT NOT NULL REFERENCES persons(id),
     purpose TEXT NOT NULL CHECK (purpose IN ('link', 'email')),
     email TEXT,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT
   );
   ALTER TABLE calendar_feeds ADD COLUMN person_id TEXT REFERENCES persons(id);`,
  // The outbox also carries mail that is no notification of an agreement (a
  // person's sign-in link): notification and agreement become optional. SQLite
  // cannot drop NOT NULL, so the table is rebuilt (nothing references it).
  `CREATE TABLE outbox_new (
     id TEXT PRIMARY KEY,
     notification_id TEXT UNIQUE REFERENCES notifications(id),
     agreement_id TEXT REFERENCES agreements(id),
     to_address TEXT NOT NULL,
     subject TEXT NOT NULL,
     body TEXT NOT NULL,
     attach_version_id TEXT REFERENCES versions(id),
     status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     last_error TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT
   );
   INSERT INTO outbox_new SELECT id, notification_id, agreement_id, to_address, subject, body, attach_version_id, status, attempts,
     next_attempt_at, last_error, created_at, sent_at FROM outbox;
   DROP TABLE outbox;
   ALTER TABLE outbox_new RENAME TO outbox;
   CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
   CREATE INDEX outbox_agreement ON outbox(agreement_id, status);`,
  // A thread may be the reply thread of a suggestion (its mark's id in the document).
  `ALTER TABLE threads ADD COLUMN suggestion_id TEXT;`,
  // When a mail server bounced an outbox message it had accepted (a delivery status notification to its VERP address).
  `ALTER TABLE outbox ADD COLUMN bounced_at TEXT;`,
  // The rate limits' counts (server/auth/rateLimit.ts), in the database so that
  // every instance on it counts against one limit: a bucket is a limiter and a
  // key ("redeem:<ip>"), counted in a fixed window that ends at `expires_at`.
  `CREATE TABLE rate_limits (
     bucket TEXT PRIMARY KEY,
     attempts INTEGER NOT NULL,
     expires_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX rate_limits_expiry ON rate_limits(expires_at);`,
  // An outbox claim is a lease (server/mail/outbox.ts): when and by which
  // instance a message was claimed, so that only a claim older than the lease
  // (its instance stopped mid-send) is taken back, never one another instance
  // is sending right now.
  `ALTER TABLE outbox ADD COLUMN claimed_at TEXT;
   ALTER TABLE outbox ADD COLUMN claimed_by TEXT;`,
];
