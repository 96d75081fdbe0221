import { createRandomId } from '../ids.js';
import { REVISION_COLUMNS as COLUMNS, type RevisionRow, toContentText, toRevision } from '../rows/revisions.js';
import type { RevisionRepository, RevisionTarget } from '../types.js';
import type { PgContext, PgDb } from './context.js';
import { assertOfficialExists } from './officials.js';
import { recordNotFound, revisionNotDraft, staleRevision } from '../errors.js';

/** The newest publication of one target: publish_seq is set (only) on publishing and grows across the database. */
const CURRENT = `SELECT ${COLUMNS} FROM revisions
  WHERE target_kind = $1 AND target_id = $2 AND publish_seq IS NOT NULL
  ORDER BY publish_seq DESC LIMIT 1`;

/** Every revision write takes this advisory lock: edits are rare, and it makes each check-then-write atomic. */
const REVISIONS_LOCK = 'revisions';

/**
 * Revisions of knowledge entries and ward settings on PostgreSQL. Every write holds one advisory lock shared by
 * all instances, so "is the base still current?" and the write that depends on it are atomic (as BEGIN IMMEDIATE
 * makes them on SQLite). A publication back to the shipped file is a published revision with null content.
 */
export function createRevisionRepo(ctx: PgContext): RevisionRepository {
  const find = (db: PgDb, id: string) => db.one<RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE id = $1`, [id]);
  const mustFind = async (db: PgDb, id: string): Promise<RevisionRow> => {
    const row = await find(db, id);
    if (!row) throw recordNotFound('revision');
    return row;
  };
  const findCurrent = (db: PgDb, kind: RevisionTarget, targetId: string) => db.one<RevisionRow>(CURRENT, [kind, targetId]);
  const isCurrentBase = async (db: PgDb, kind: RevisionTarget, targetId: string, baseId: string | undefined) =>
    ((await findCurrent(db, kind, targetId))?.id ?? null) === (baseId ?? null);

  return {
    createDraft: ({ targetKind, targetId, content, baseRevisionId, restoresRevisionId, note, authorId }) =>
      ctx.write('revisions.createDraft', async (db) => {
        await db.lock(REVISIONS_LOCK);
        await assertOfficialExists(db, authorId);
        if (!(await isCurrentBase(db, targetKind, targetId, baseRevisionId))) throw staleRevision();
        await db.run("UPDATE revisions SET status = 'superseded' WHERE target_kind = $1 AND target_id = $2 AND status = 'draft'", [
          targetKind,
          targetId,
        ]);
        const row = await db.one<RevisionRow>(
          `INSERT INTO revisions (id, target_kind, target_id, number, status, content, base_revision_id,
             restores_revision_id, note, author_id, created_at)
           SELECT $1, $2, $3, COALESCE(MAX(number), 0) + 1, 'draft', $4, $5, $6, $7, $8, $9
           FROM revisions WHERE target_kind = $2 AND target_id = $3
           RETURNING ${COLUMNS}`,
          [
            createRandomId(),
            targetKind,
            targetId,
            toContentText(content),
            baseRevisionId ?? null,
            restoresRevisionId ?? null,
            note ?? null,
            authorId,
            ctx.now(),
          ],
        );
        return toRevision(row!);
      }),

    get: (id) =>
      ctx.read('revisions.get', async (db) => {
        const row = await find(db, id);
        return row ? toRevision(row) : undefined;
      }),

    listForTarget: (targetKind, targetId) =>
      ctx.read('revisions.listForTarget', async (db) =>
        (
          await db.rows<RevisionRow>(
            `SELECT ${COLUMNS} FROM revisions WHERE target_kind = $1 AND target_id = $2 ORDER BY number DESC`,
            [targetKind, targetId],
          )
        ).map(toRevision),
      ),

    listDrafts: () =>
      ctx.read('revisions.listDrafts', async (db) =>
        (await db.rows<RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE status = 'draft' ORDER BY created_at, seq`)).map(toRevision),
      ),

    currentPublished: (targetKind, targetId) =>
      ctx.read('revisions.currentPublished', async (db) => {
        const row = await findCurrent(db, targetKind, targetId);
        return row ? toRevision(row) : undefined;
      }),

    listCurrentPublished: (targetKind) =>
      ctx.read('revisions.listCurrentPublished', async (db) =>
        (
          await db.rows<RevisionRow>(
            `SELECT ${COLUMNS} FROM revisions AS r
             WHERE r.target_kind = $1 AND r.publish_seq = (
               SELECT MAX(publish_seq) FROM revisions WHERE target_kind = r.target_kind AND target_id = r.target_id
             )
             ORDER BY r.target_id COLLATE "C"`,
            [targetKind],
          )
        ).map(toRevision),
      ),

    publish: (id, publishedBy) =>
      ctx.write('revisions.publish', async (db) => {
        await db.lock(REVISIONS_LOCK);
        const row = await mustFind(db, id);
        if (row.status === 'published' || row.status === 'discarded') throw revisionNotDraft();
        // Staleness first, so an approver publishing a draft that lost the race to a rival edit from the same base
        // (which superseded it) hears that someone else published, not merely that it is no longer a draft.
        if (!(await isCurrentBase(db, row.target_kind, row.target_id, row.base_revision_id ?? undefined))) throw staleRevision();
        if (row.status !== 'draft') throw revisionNotDraft();
        const published = await db.one<RevisionRow>(
          `UPDATE revisions SET status = 'published', published_by = $2, published_at = $3,
             publish_seq = (SELECT COALESCE(MAX(publish_seq), 0) + 1 FROM revisions)
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, publishedBy, ctx.now()],
        );
        return toRevision(published!);
      }),

    discard: (id) =>
      ctx.write('revisions.discard', async (db) => {
        await db.lock(REVISIONS_LOCK);
        if ((await mustFind(db, id)).status !== 'draft') throw revisionNotDraft();
        const row = await db.one<RevisionRow>(`UPDATE revisions SET status = 'discarded' WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
        return toRevision(row!);
      }),
  };
}
