import type pg from 'pg';
import { storageVersion } from '../errors.js';

/**
 * The PostgreSQL schema, as an append-only list: migration N is `MIGRATIONS[N - 1]`. Never edit a shipped entry —
 * add one. It mirrors ../sqlite/migrations.ts table for table: encrypted columns are BYTEA (see ../crypto.ts),
 * instants are TIMESTAMPTZ, ward days stay 'YYYY-MM-DD' text and JSON stays text (stored exactly as written).
 * SQLite's implicit rowid, which breaks ties in listings, becomes an explicit identity column `seq`.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'widget', 'http')),
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    state BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ
  );
  CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

  CREATE TABLE messages (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('citizen', 'assistant')),
    text BYTEA NOT NULL,
    meta TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX messages_session ON messages (session_id, seq);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    ward_day TEXT NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'cancelled')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    topic TEXT,
    counter INTEGER,
    created_at TIMESTAMPTZ NOT NULL,
    called_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    UNIQUE (ward_day, number)
  );
  CREATE INDEX tickets_session ON tickets (session_id);

  CREATE TABLE feedback (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment BYTEA,
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX feedback_created ON feedback (created_at);
  CREATE INDEX feedback_session ON feedback (session_id);
  CREATE INDEX feedback_message ON feedback (message_id);

  CREATE TABLE gaps (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    reason TEXT NOT NULL CHECK (reason IN ('unanswered', 'low-confidence', 'out-of-scope')),
    top_ids TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'attached')),
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX gaps_created ON gaps (created_at);

  CREATE TABLE storage_meta (
    key TEXT PRIMARY KEY,
    value BYTEA NOT NULL
  );
  `,
  // 2: pre-filled dossiers. Only non-personal facts are plain columns; the values and who received it are sealed.
  `
  CREATE TABLE dossiers (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'widget', 'http')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    ward_day TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'received')),
    sealed_values BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ,
    received_by BYTEA
  );
  CREATE INDEX dossiers_ward_day ON dossiers (ward_day, created_at);
  CREATE INDEX dossiers_created ON dossiers (created_at);
  CREATE INDEX dossiers_session ON dossiers (session_id);
  `,
  // 3: the officials' workbench (see the SQLite migration 3 for the reasoning behind publish_seq and the
  // foreign-key-free audit log).
  `
  CREATE TABLE officials (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CHECK (username <> '' AND username = btrim(username)),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'approver', 'admin')),
    disabled BOOLEAN NOT NULL DEFAULT false,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until TIMESTAMPTZ,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL
  );

  CREATE TABLE official_sessions (
    token_hash TEXT PRIMARY KEY,
    official_id TEXT NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX official_sessions_official ON official_sessions (official_id);
  CREATE INDEX official_sessions_expires ON official_sessions (expires_at);

  CREATE TABLE revisions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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
    created_at TIMESTAMPTZ NOT NULL,
    published_by TEXT,
    published_at TIMESTAMPTZ,
    publish_seq BIGINT UNIQUE,
    UNIQUE (target_kind, target_id, number),
    CHECK ((status = 'published') = (publish_seq IS NOT NULL))
  );
  CREATE INDEX revisions_published ON revisions (target_kind, target_id, publish_seq) WHERE publish_seq IS NOT NULL;
  CREATE INDEX revisions_drafts ON revisions (status, created_at);

  CREATE TABLE audit_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    official_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    before TEXT,
    after TEXT,
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX audit_log_created ON audit_log (created_at);
  CREATE INDEX audit_log_official ON audit_log (official_id, seq);
  CREATE INDEX audit_log_target ON audit_log (target_id, seq);
  CREATE INDEX audit_log_action ON audit_log (action, seq);

  CREATE TABLE usage_daily (
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    count BIGINT NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, metric, key)
  );
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
  ALTER TABLE gaps ADD COLUMN sealed_question BYTEA;
  `,
  // 5: life situations are edited like entries, so revisions accept target_kind 'situation'.
  `
  ALTER TABLE revisions DROP CONSTRAINT revisions_target_kind_check;
  ALTER TABLE revisions ADD CONSTRAINT revisions_target_kind_check CHECK (target_kind IN ('entry', 'ward-settings', 'situation'));
  `,
  // 6: the widget's call-back requests (name and phone sealed; purged with retention) and small settings officials
  // change at run time (the origins allowed to embed the widget), both described in docs/admin-api.md.
  `
  CREATE TABLE callback_requests (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('new', 'called', 'done')),
    language TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    topic TEXT,
    sealed_contact BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    called_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    handled_by BYTEA
  );
  CREATE INDEX callback_requests_created ON callback_requests (created_at);
  CREATE INDEX callback_requests_session ON callback_requests (session_id);
  CREATE TABLE ward_options (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
  );
  `,
];

/** Arbitrary but fixed: the advisory lock every instance takes while migrating and checking the key. */
export const MIGRATION_LOCK_KEY = 0x5761_7264; // "Ward"

/** The schema version of a database (0 when never migrated). */
export async function readSchemaVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    'SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}

/**
 * Brings the database up to `migrations.length`, one transaction per step, and returns how many steps ran. The
 * caller holds MIGRATION_LOCK_KEY, so two instances starting together migrate once, one after the other.
 * A database newer than this release is refused rather than guessed at.
 */
export async function runMigrations(client: pg.ClientBase, migrations: readonly string[] = MIGRATIONS): Promise<number> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)',
  );
  const found = await readSchemaVersion(client);
  if (found > migrations.length) throw storageVersion(found, migrations.length);
  let applied = 0;
  for (let version = found + 1; version <= migrations.length; version += 1) {
    await client.query('BEGIN');
    try {
      await client.query(migrations[version - 1] ?? '');
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [version]);
      await client.query('COMMIT');
      applied += 1;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return applied;
}
