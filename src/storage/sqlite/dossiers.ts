import { createRandomId } from '../ids.js';
import { DOSSIER_COLUMNS as COLUMNS, dossierMapper, type DossierRow } from '../rows/dossiers.js';
import type { ReferenceCodes } from '../references.js';
import type { DossierRepository } from '../types.js';
import { daysBefore, wardDayOf } from '../ward-day.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { assertSessionOpen } from './sessions.js';
import { invalidValue, recordNotFound, storageFailed } from '../errors.js';

/** At 40 random bits a collision is already rare; several in a row means a broken generator, not bad luck. */
const MAX_REFERENCE_ATTEMPTS = 8;

/** Deletes dossiers created before `cutoff` (shared with the retention purge); returns how many went. */
export function deleteDossiersBefore(ctx: SqliteContext, cutoff: Date): number {
  return ctx.statement<[string]>('DELETE FROM dossiers WHERE created_at < ?').run(toIso(cutoff)).changes;
}

/** Checks a retention period in days, as the retention purge does. */
export function checkRetentionDays(field: string, days: number): void {
  if (!Number.isFinite(days) || days < 0) throw invalidValue(field, 'expected a number of days ≥ 0');
}

/**
 * Pre-filled dossiers on SQLite. The values (names, ID numbers, addresses) are sealed in one encrypted JSON blob;
 * the plain columns hold only what the counter's list needs and nothing about the person.
 */
export function createDossierRepo(ctx: SqliteContext, { create: createReference, normalize: normalizeReference }: ReferenceCodes): Sync<DossierRepository> {
  const toDossier = dossierMapper(ctx);
  const find = (reference: string) =>
    ctx.statement<[string], DossierRow>(`SELECT ${COLUMNS} FROM dossiers WHERE reference = ?`).get(reference);
  const referenceTaken = (reference: string) =>
    ctx.statement<[string], { id: string }>('SELECT id FROM dossiers WHERE reference = ?').get(reference) !== undefined;

  const freshReference = (): string => {
    // Checked inside the write transaction (BEGIN IMMEDIATE holds the lock), so no one can take it in between.
    for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt += 1) {
      const reference = createReference();
      if (!referenceTaken(reference)) return reference;
    }
    throw storageFailed(new Error('could not find an unused dossier reference'));
  };

  return {
    create: ({ formId, sessionId, values, channel }) =>
      ctx.write('dossiers.create', () => {
        if (sessionId !== undefined) assertSessionOpen(ctx, sessionId);
        const id = createRandomId();
        const reference = freshReference();
        const now = ctx.now();
        ctx
          .statement<[string, string, string, string, string | null, string, Buffer, string]>(
            `INSERT INTO dossiers (id, reference, form_id, channel, session_id, ward_day, status, sealed_values, created_at)
             VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
          )
          .run(id, reference, formId, channel, sessionId ?? null, wardDayOf(now), ctx.sealJson(values), toIso(now));
        return toDossier(find(reference)!);
      }),

    getByReference: (reference) =>
      ctx.read('dossiers.getByReference', () => {
        const canonical = normalizeReference(reference);
        const row = canonical === undefined ? undefined : find(canonical);
        return row ? toDossier(row) : undefined;
      }),

    listToday: ({ status } = {}) =>
      ctx.read('dossiers.listToday', () =>
        ctx
          .statement<[string, string | null, string | null], DossierRow>(
            `SELECT ${COLUMNS} FROM dossiers WHERE ward_day = ? AND (? IS NULL OR status = ?) ORDER BY created_at, rowid`,
          )
          .all(wardDayOf(ctx.now()), status ?? null, status ?? null)
          .map(toDossier),
      ),

    markReceived: (reference, { by } = {}) =>
      ctx.write('dossiers.markReceived', () => {
        const canonical = normalizeReference(reference);
        const row = canonical === undefined ? undefined : find(canonical);
        if (!row) throw recordNotFound('dossier');
        // Receiving twice (two officials, a double click) keeps the first receipt rather than rewriting history.
        if (row.status === 'received') return toDossier(row);
        ctx
          .statement<[string, Buffer | null, string]>(
            "UPDATE dossiers SET status = 'received', received_at = ?, received_by = ? WHERE id = ?",
          )
          .run(toIso(ctx.now()), by === undefined ? null : ctx.seal(by), row.id);
        return toDossier(find(row.reference)!);
      }),

    purgeOlderThan: (days) =>
      ctx.write('dossiers.purgeOlderThan', () => {
        checkRetentionDays('days', days);
        return deleteDossiersBefore(ctx, daysBefore(ctx.now(), days));
      }),
  };
}
