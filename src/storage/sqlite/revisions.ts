import { createRandomId } from '../ids.js';
import { REVISION_COLUMNS as COLUMNS, type RevisionRow, toContentText, toRevision } from '../rows/revisions.js';
import type { RevisionRepository, RevisionTarget } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import { assertOfficialExists } from './officials.js';
import type { Sync } from './runner.js';
import { recordNotFound, revisionNotDraft, staleRevision } from '../errors.js';

/** The newest publication of one target: publish_seq is set (only) on publishing and grows across the database. */
const CURRENT = `SELECT ${COLUMNS} FROM revisions
  WHERE target_kind = ? AND target_id = ? AND publish_seq IS NOT NULL
  ORDER BY publish_seq DESC LIMIT 1`;

/**
 * Revisions of knowledge entries and ward settings on SQLite. Every check-then-write runs inside one write
 * transaction (BEGIN IMMEDIATE), so "is the base still current?" and the write that depends on it are atomic.
 * A publication back to the shipped file is a published revision with null content: it is the current revision
 * (the base of the next edit), and the overlay reads its null as "use the shipped file".
 */
export function createRevisionRepo(ctx: SqliteContext): Sync<RevisionRepository> {
  const find = (id: string) => ctx.statement<[string], RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE id = ?`).get(id);
  const mustFind = (id: string): RevisionRow => {
    const row = find(id);
    if (!row) throw recordNotFound('revision');
    return row;
  };
  const findCurrent = (kind: RevisionTarget, targetId: string) => ctx.statement<[string, string], RevisionRow>(CURRENT).get(kind, targetId);
  const isCurrentBase = (kind: RevisionTarget, targetId: string, baseId: string | undefined) =>
    (findCurrent(kind, targetId)?.id ?? null) === (baseId ?? null);

  return {
    createDraft: ({ targetKind, targetId, content, baseRevisionId, restoresRevisionId, note, authorId }) =>
      ctx.write('revisions.createDraft', () => {
        assertOfficialExists(ctx, authorId);
        if (!isCurrentBase(targetKind, targetId, baseRevisionId)) throw staleRevision();
        ctx
          .statement<[string, string]>(
            "UPDATE revisions SET status = 'superseded' WHERE target_kind = ? AND target_id = ? AND status = 'draft'",
          )
          .run(targetKind, targetId);
        const id = createRandomId();
        ctx
          .statement<
            [string, string, string, string, string, string | null, string | null, string | null, string | null, string, string]
          >(
            `INSERT INTO revisions (id, target_kind, target_id, number, status, content, base_revision_id,
               restores_revision_id, note, author_id, created_at)
             VALUES (?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE target_kind = ? AND target_id = ?),
               'draft', ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            targetKind,
            targetId,
            targetKind,
            targetId,
            toContentText(content),
            baseRevisionId ?? null,
            restoresRevisionId ?? null,
            note ?? null,
            authorId,
            toIso(ctx.now()),
          );
        return toRevision(mustFind(id));
      }),

    get: (id) =>
      ctx.read('revisions.get', () => {
        const row = find(id);
        return row ? toRevision(row) : undefined;
      }),

    listForTarget: (targetKind, targetId) =>
      ctx.read('revisions.listForTarget', () =>
        ctx
          .statement<[string, string], RevisionRow>(
            `SELECT ${COLUMNS} FROM revisions WHERE target_kind = ? AND target_id = ? ORDER BY number DESC`,
          )
          .all(targetKind, targetId)
          .map(toRevision),
      ),

    listDrafts: () =>
      ctx.read('revisions.listDrafts', () =>
        ctx
          .statement<[], RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE status = 'draft' ORDER BY created_at, rowid`)
          .all()
          .map(toRevision),
      ),

    currentPublished: (targetKind, targetId) =>
      ctx.read('revisions.currentPublished', () => {
        const row = findCurrent(targetKind, targetId);
        return row ? toRevision(row) : undefined;
      }),

    listCurrentPublished: (targetKind) =>
      ctx.read('revisions.listCurrentPublished', () =>
        ctx
          .statement<[string], RevisionRow>(
            `SELECT ${COLUMNS} FROM revisions AS r
             WHERE r.target_kind = ? AND r.publish_seq = (
               SELECT MAX(publish_seq) FROM revisions WHERE target_kind = r.target_kind AND target_id = r.target_id
             )
             ORDER BY r.target_id`,
          )
          .all(targetKind)
          .map(toRevision),
      ),

    publish: (id, publishedBy) =>
      ctx.write('revisions.publish', () => {
        const row = mustFind(id);
        if (row.status === 'published' || row.status === 'discarded') throw revisionNotDraft();
        // Staleness first, so an approver publishing a draft that lost the race to a rival edit from the same base
        // (which superseded it) hears that someone else published, not merely that it is no longer a draft.
        if (!isCurrentBase(row.target_kind, row.target_id, row.base_revision_id ?? undefined)) throw staleRevision();
        if (row.status !== 'draft') throw revisionNotDraft();
        ctx
          .statement<[string, string, string]>(
            `UPDATE revisions SET status = 'published', published_by = ?, published_at = ?,
               publish_seq = (SELECT COALESCE(MAX(publish_seq), 0) + 1 FROM revisions)
             WHERE id = ?`,
          )
          .run(publishedBy, toIso(ctx.now()), id);
        return toRevision(mustFind(id));
      }),

    discard: (id) =>
      ctx.write('revisions.discard', () => {
        if (mustFind(id).status !== 'draft') throw revisionNotDraft();
        ctx.statement<[string]>("UPDATE revisions SET status = 'discarded' WHERE id = ?").run(id);
        return toRevision(mustFind(id));
      }),
  };
}
