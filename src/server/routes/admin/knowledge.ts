import { Hono } from 'hono';
import { z } from 'zod';
import { editingSchemas, WARD_TARGET_ID } from '../../../admin/knowledge/targets.js';
import type { DiscardBody, DraftListBody, EntryBody, EntryListBody, PublishOutcome, RevisionDetailBody, SavedDraftBody, SituationBody, SituationListBody, WardSettingsBody } from '../../../admin/api/wire.js';
import { forbiddenError, notFoundError } from '../../../shared/errors.js';
import { parseOrThrow, readJsonBody as readJson } from '../../validate.js';
import { requireRole, type AdminEnv, type AdminServices } from './context.js';

const DraftSchema = z.strictObject({
  content: z.unknown(),
  baseRevisionId: z.string().min(1).max(64).nullable().default(null),
  note: z.string().trim().max(500).optional(),
});
const RollbackSchema = z.strictObject({
  to: z.string().min(1).max(64),
  baseRevisionId: z.string().min(1).max(64).nullable().default(null),
  note: z.string().trim().max(500).optional(),
});
const ListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  kind: z.enum(['curated', 'catalogue']).optional(),
  edited: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Knowledge entries, life situations and ward settings: read, save drafts (editor), roll back (approver); the review queue. */
export function createKnowledgeRoutes(services: AdminServices): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const workbench = services.workbench;

  routes.get('/knowledge/schema', (c) => c.json(editingSchemas()));
  routes.get('/knowledge/entries', async (c) => {
    const query = parseOrThrow(ListQuerySchema, c.req.query());
    return c.json((await workbench().listEntries(query)) satisfies EntryListBody);
  });
  routes.get('/knowledge/entries/:id', async (c) => {
    const view = await workbench().describeEntry(c.req.param('id'));
    return c.json({ entry: view.current, baseline: view.baseline ?? null, currentRevisionId: view.currentRevisionId, draft: view.draft, revisions: view.revisions } satisfies EntryBody);
  });
  routes.post('/knowledge/entries/:id/drafts', async (c) => {
    const input = parseOrThrow(DraftSchema, await readJson(c));
    return c.json((await workbench().saveDraft('entry', c.req.param('id'), input, c.var.actor)) satisfies SavedDraftBody, 201);
  });
  routes.post('/knowledge/entries/:id/rollback', requireRole('approver'), async (c) => {
    const input = parseOrThrow(RollbackSchema, await readJson(c));
    return c.json((await workbench().rollback('entry', c.req.param('id'), input, c.var.actor)) satisfies PublishOutcome, 201);
  });

  routes.get('/knowledge/situations', async (c) => c.json({ situations: await workbench().listSituations() } satisfies SituationListBody));
  routes.get('/knowledge/situations/:id', async (c) => {
    const view = await workbench().describeSituation(c.req.param('id'));
    return c.json({ situation: view.current, baseline: view.baseline ?? null, currentRevisionId: view.currentRevisionId, draft: view.draft, revisions: view.revisions } satisfies SituationBody);
  });
  routes.post('/knowledge/situations/:id/drafts', async (c) => {
    const input = parseOrThrow(DraftSchema, await readJson(c));
    return c.json((await workbench().saveDraft('situation', c.req.param('id'), input, c.var.actor)) satisfies SavedDraftBody, 201);
  });
  routes.post('/knowledge/situations/:id/rollback', requireRole('approver'), async (c) => {
    const input = parseOrThrow(RollbackSchema, await readJson(c));
    return c.json((await workbench().rollback('situation', c.req.param('id'), input, c.var.actor)) satisfies PublishOutcome, 201);
  });

  routes.get('/ward-settings', async (c) => {
    const view = await workbench().describeWard();
    return c.json({ settings: view.current ?? null, baseline: view.baseline ?? null, currentRevisionId: view.currentRevisionId, draft: view.draft, revisions: view.revisions } satisfies WardSettingsBody);
  });
  routes.post('/ward-settings/drafts', async (c) => {
    const input = parseOrThrow(DraftSchema, await readJson(c));
    return c.json((await workbench().saveDraft('ward-settings', WARD_TARGET_ID, input, c.var.actor)) satisfies SavedDraftBody, 201);
  });
  routes.post('/ward-settings/rollback', requireRole('approver'), async (c) => {
    const input = parseOrThrow(RollbackSchema, await readJson(c));
    return c.json((await workbench().rollback('ward-settings', WARD_TARGET_ID, input, c.var.actor)) satisfies PublishOutcome, 201);
  });

  routes.get('/revisions', async (c) => {
    parseOrThrow(z.enum(['draft']).optional(), c.req.query('status') || undefined);
    return c.json({ revisions: await workbench().listDrafts() } satisfies DraftListBody);
  });
  routes.get('/revisions/:id', async (c) => c.json((await workbench().describeRevision(c.req.param('id'))) satisfies RevisionDetailBody));
  routes.post('/revisions/:id/publish', requireRole('approver'), async (c) => c.json((await workbench().publish(c.req.param('id'), c.var.actor)) satisfies PublishOutcome));
  routes.post('/revisions/:id/discard', async (c) => {
    const actor = c.var.actor;
    const revision = await services.storage().revisions.get(c.req.param('id'));
    if (!revision) throw notFoundError('Không tìm thấy phiên bản này.');
    // An editor may withdraw their own draft; throwing away someone else's is a reviewer's call.
    if (actor.role === 'editor' && revision.authorId !== actor.officialId) {
      throw forbiddenError('Bạn chỉ bỏ được bản nháp của chính mình.');
    }
    return c.json({ revision: await workbench().discard(revision.id, actor) } satisfies DiscardBody);
  });
  return routes;
}

