import type Database from 'better-sqlite3';
import { storageVersion } from '../errors.js';

/**
 * The schema, as an append-only list: migration N is `MIGRATIONS[N - 1]`. Never edit a shipped entry — add one.
 * Encrypted columns are BLOBs (see ../crypto.ts); timestamps are ISO-8601 UTC strings, which sort as text.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'widget', 'http')),
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    state BLOB NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at TEXT
  ) STRICT;
  CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('citizen', 'assistant')),
    text BLOB NOT NULL,
    meta TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX messages_session ON messages (session_id, seq);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    ward_day TEXT NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'cancelled')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    topic TEXT,
    counter INTEGER,
    created_at TEXT NOT NULL,
    called_at TEXT,
    finished_at TEXT,
    UNIQUE (ward_day, number)
  ) STRICT;
  CREATE INDEX tickets_session ON tickets (session_id);

  CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment BLOB,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX feedback_created ON feedback (created_at);
  CREATE INDEX feedback_session ON feedback (session_id);
  CREATE INDEX feedback_message ON feedback (message_id);

  CREATE TABLE gaps (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    reason TEXT NOT NULL CHECK (reason IN ('unanswered', 'low-confidence', 'out-of-scope')),
    top_ids TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'attached')),
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX gaps_created ON gaps (created_at);

  CREATE TABLE storage_meta (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
  ) STRICT;
  `,
  // 2: pre-filled dossiers. Only non-personal facts are plain columns; the values and who received it are sealed.
  `
  CREATE TABLE dossiers (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'widget', 'http')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    ward_day TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'received')),
    sealed_values BLOB NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT,
    received_by BLOB
  ) STRICT;
  CREATE INDEX dossiers_ward_day ON dossiers (ward_day, created_at);
  CREATE INDEX dossiers_created ON dossiers (created_at);
  CREATE INDEX dossiers_session ON dossiers (session_id);
  `,
  // 3: the officials' workbench — accounts, their sessions, revisions of the knowledge, the audit log and usage
  // counters. Nothing here is a citizen's personal data, so it is plain text (revision content and audit states
  // are JSON). publish_seq orders publications across the whole database: the current revision of a target is
  // its published row with the highest publish_seq, which stays deterministic when two share a timestamp.
  // audit_log.official_id has no foreign key on purpose: the log must never refuse (or lose) an event.
  `
  CREATE TABLE officials (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CHECK (username <> '' AND username = trim(username)),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'approver', 'admin')),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE official_sessions (
    token_hash TEXT PRIMARY KEY,
    official_id TEXT NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX official_sessions_official ON official_sessions (official_id);
  CREATE INDEX official_sessions_expires ON official_sessions (expires_at);

  CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('entry', 'ward-settings')),
    target_id TEXT NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded', 'discarded')),
    content TEXT,
    base_revision_id TEXT REFERENCES revisions (id),
    restores_revision_id TEXT,
    note TEXT,
    author_id TEXT NOT NULL REFERENCES officials (id),
    created_at TEXT NOT NULL,
    published_by TEXT,
    published_at TEXT,
    publish_seq INTEGER UNIQUE,
    UNIQUE (target_kind, target_id, number),
    CHECK ((status = 'published') = (publish_seq IS NOT NULL))
  ) STRICT;
  CREATE INDEX revisions_published ON revisions (target_kind, target_id, publish_seq) WHERE publish_seq IS NOT NULL;
  CREATE INDEX revisions_drafts ON revisions (status, created_at);

  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    official_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    before TEXT,
    after TEXT,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_log_created ON audit_log (created_at);
  CREATE INDEX audit_log_official ON audit_log (official_id, seq);
  CREATE INDEX audit_log_target ON audit_log (target_id, seq);
  CREATE INDEX audit_log_action ON audit_log (action, seq);

  CREATE TABLE usage_daily (
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, metric, key)
  ) STRICT;
  `,
  // 4: one open hand-over ticket per session and ward day (asking again gives the same ticket; duplicates taken
  // before this release are cancelled, keeping the first), and the unanswered question sealed like messages
  // (sealed_question; the plain column is left empty — rows written before are sealed at open, see gaps.ts).
  `
  UPDATE tickets SET status = 'cancelled', finished_at = created_at
  WHERE session_id IS NOT NULL AND status IN ('waiting', 'called') AND EXISTS (
    SELECT 1 FROM tickets AS earlier
    WHERE earlier.session_id = tickets.session_id AND earlier.ward_day = tickets.ward_day
      AND earlier.status IN ('waiting', 'called') AND earlier.number < tickets.number
  );
  CREATE UNIQUE INDEX tickets_open_per_session ON tickets (session_id, ward_day)
    WHERE session_id IS NOT NULL AND status IN ('waiting', 'called');
  ALTER TABLE gaps ADD COLUMN sealed_question BLOB;
  `,
  // 5: life situations are edited like entries, so revisions accept target_kind 'situation'. SQLite cannot change
  // a CHECK in place: the table is rebuilt with the same columns, rows and indexes (its self-reference follows the
  // rename).
  `
  CREATE TABLE revisions_next (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('entry', 'ward-settings', 'situation')),
    target_id TEXT NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded', 'discarded')),
    content TEXT,
    base_revision_id TEXT REFERENCES revisions_next (id),
    restores_revision_id TEXT,
    note TEXT,
    author_id TEXT NOT NULL REFERENCES officials (id),
    created_at TEXT NOT NULL,
    published_by TEXT,
    published_at TEXT,
    publish_seq INTEGER UNIQUE,
    UNIQUE (target_kind, target_id, number),
    CHECK ((status = 'published') = (publish_seq IS NOT NULL))
  ) STRICT;
  INSERT INTO revisions_next (id, target_kind, target_id, number, status, content, base_revision_id, restores_revision_id,
    note, author_id, created_at, published_by, published_at, publish_seq)
  SELECT id, target_kind, target_id, number, status, content, base_revision_id, restores_revision_id,
    note, author_id, created_at, published_by, published_at, publish_seq FROM revisions;
  DROP TABLE revisions;
  ALTER TABLE revisions_next RENAME TO revisions;
  CREATE INDEX revisions_published ON revisions (target_kind, target_id, publish_seq) WHERE publish_seq IS NOT NULL;
  CREATE INDEX revisions_drafts ON revisions (status, created_at);
  `,
  // 6: the widget's call-back requests (name and phone sealed; purged with retention) and small settings officials
  // change at run time (the origins allowed to embed the widget), both described in docs/admin-api.md.
  `
  CREATE TABLE callback_requests (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('new', 'called', 'done')),
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    topic TEXT,
    sealed_contact BLOB NOT NULL,
    created_at TEXT NOT NULL,
    called_at TEXT,
    finished_at TEXT,
    handled_by BLOB
  ) STRICT;
  CREATE INDEX callback_requests_created ON callback_requests (created_at);
  CREATE INDEX callback_requests_session ON callback_requests (session_id);
  CREATE TABLE ward_options (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
];

/** The schema version of a database (0 when never migrated). */
export function readSchemaVersion(db: Database.Database): number {
  const row = db.prepare<[], { version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/**
 * Brings the database up to `migrations.length`, one transaction per step, and returns how many steps ran.
 * Safe on every start and against a second process migrating the same file: each step re-checks the version
 * under BEGIN IMMEDIATE. A database newer than this release is refused rather than guessed at.
 */
export function runMigrations(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  const found = readSchemaVersion(db);
  if (found > migrations.length) throw storageVersion(found, migrations.length);
  const insert = db.prepare<[number, string]>('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  let applied = 0;
  const step = db.transaction((version: number) => {
    if (readSchemaVersion(db) >= version) return;
    db.exec(migrations[version - 1] ?? '');
    insert.run(version, new Date().toISOString());
    applied += 1;
  });
  for (let version = found + 1; version <= migrations.length; version += 1) step.immediate(version);
  return applied;
}
