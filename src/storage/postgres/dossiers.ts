import { createRandomId } from '../ids.js';
import { DOSSIER_COLUMNS as COLUMNS, dossierMapper, type DossierRow } from '../rows/dossiers.js';
import type { ReferenceCodes } from '../references.js';
import type { DossierRepository } from '../types.js';
import { daysBefore, wardDayOf } from '../ward-day.js';
import type { PgContext, PgDb } from './context.js';
import { assertSessionOpen } from './sessions.js';
import { invalidValue, recordNotFound, storageFailed } from '../errors.js';

/** At 40 random bits a collision is already rare; several in a row means a broken generator, not bad luck. */
const MAX_REFERENCE_ATTEMPTS = 8;

/** Checks a retention period in days, as the SQLite adapter does. */
export function checkRetentionDays(field: string, days: number): void {
  if (!Number.isFinite(days) || days < 0) throw invalidValue(field, 'expected a number of days ≥ 0');
}

/** Deletes dossiers created before `cutoff` (shared with the retention purge); returns how many went. */
export function deleteDossiersBefore(db: PgDb, cutoff: Date): Promise<number> {
  return db.run('DELETE FROM dossiers WHERE created_at < $1', [cutoff]);
}

/**
 * Pre-filled dossiers on PostgreSQL. The values (names, ID numbers, addresses) are sealed in one encrypted JSON
 * blob; the plain columns hold only what the counter's list needs and nothing about the person.
 */
export function createDossierRepo(ctx: PgContext, { create: createReference, normalize: normalizeReference }: ReferenceCodes): DossierRepository {
  const toDossier = dossierMapper(ctx);
  const find = (db: PgDb, reference: string, forUpdate = false) =>
    db.one<DossierRow>(`SELECT ${COLUMNS} FROM dossiers WHERE reference = $1${forUpdate ? ' FOR UPDATE' : ''}`, [reference]);

  return {
    create: ({ formId, sessionId, values, channel }) =>
      ctx.write('dossiers.create', async (db) => {
        if (sessionId !== undefined) await assertSessionOpen(db, sessionId);
        const now = ctx.now();
        const sealed = ctx.sealJson(values);
        // ON CONFLICT turns a taken reference (by anyone, on any instance, even mid-transaction) into "draw again"
        // without aborting the transaction, as a unique violation would.
        for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt += 1) {
          const row = await db.one<DossierRow>(
            `INSERT INTO dossiers (id, reference, form_id, channel, session_id, ward_day, status, sealed_values, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'new', $7, $8)
             ON CONFLICT (reference) DO NOTHING RETURNING ${COLUMNS}`,
            [createRandomId(), createReference(), formId, channel, sessionId ?? null, wardDayOf(now), sealed, now],
          );
          if (row) return toDossier(row);
        }
        throw storageFailed(new Error('could not find an unused dossier reference'));
      }),

    getByReference: (reference) =>
      ctx.read('dossiers.getByReference', async (db) => {
        const canonical = normalizeReference(reference);
        const row = canonical === undefined ? undefined : await find(db, canonical);
        return row ? toDossier(row) : undefined;
      }),

    listToday: ({ status } = {}) =>
      ctx.read('dossiers.listToday', async (db) =>
        (
          await db.rows<DossierRow>(
            `SELECT ${COLUMNS} FROM dossiers WHERE ward_day = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at, seq`,
            [wardDayOf(ctx.now()), status ?? null],
          )
        ).map(toDossier),
      ),

    markReceived: (reference, { by } = {}) =>
      ctx.write('dossiers.markReceived', async (db) => {
        const canonical = normalizeReference(reference);
        const row = canonical === undefined ? undefined : await find(db, canonical, true);
        if (!row) throw recordNotFound('dossier');
        // Receiving twice (two officials, a double click) keeps the first receipt rather than rewriting history.
        if (row.status === 'received') return toDossier(row);
        const updated = await db.one<DossierRow>(
          `UPDATE dossiers SET status = 'received', received_at = $2, received_by = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
          [row.id, ctx.now(), by === undefined ? null : ctx.seal(by)],
        );
        return toDossier(updated!);
      }),

    purgeOlderThan: (days) =>
      ctx.write('dossiers.purgeOlderThan', async (db) => {
        checkRetentionDays('days', days);
        return deleteDossiersBefore(db, daysBefore(ctx.now(), days));
      }),
  };
}
