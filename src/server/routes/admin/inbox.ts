import { Hono } from 'hono';
import { z } from 'zod';
import { actorFields } from '../../../admin/auth/accounts.js';
import { hasRole } from '../../../admin/auth/roles.js';
import { groupGaps } from '../../../admin/gaps/group-gaps.js';
import type { AttachBody, FeedbackBody, FeedbackRow, GapGroupsBody } from '../../../admin/api/wire.js';
import { forbiddenError } from '../../../shared/errors.js';
import { parseOrThrow, readJsonBody as readJson } from '../../validate.js';
import type { AdminEnv, AdminServices } from './context.js';

const GapIdsSchema = z.array(z.string().min(1).max(64)).min(1).max(500);
const AttachSchema = z.strictObject({
  gapIds: GapIdsSchema,
  entryId: z.string().min(1).max(100),
  aliases: z.array(z.string().trim().min(2).max(200)).min(1).max(50),
  publish: z.boolean().default(false),
});

/** The gaps inbox (grouped unanswered questions → aliases or dismissed) and citizens' feedback. */
export function createInboxRoutes(services: AdminServices): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const { storage, workbench } = services;

  routes.get('/gaps', async (c) => c.json({ gaps: await storage().gaps.list({ limit: 500 }) }));
  routes.get('/gaps/groups', async (c) => {
    const status = parseOrThrow(z.enum(['open', 'dismissed', 'attached']).default('open'), c.req.query('status') || undefined);
    const groups = groupGaps(await storage().gaps.list({ status, limit: 2000 }));
    const title = (id: string) => workbench().entry(id)?.title.vi;
    return c.json({
      groups: groups.map((group) => ({
        ...group,
        suggestions: group.suggestions.flatMap((id) => {
          const name = title(id);
          return name ? [{ id, title: name }] : [];
        }),
      })),
    } satisfies GapGroupsBody);
  });
  routes.post('/gaps/attach', async (c) => {
    const input = parseOrThrow(AttachSchema, await readJson(c));
    if (input.publish && !hasRole(c.var.actor.role, 'approver')) throw forbiddenError('Xuất bản ngay cần quyền duyệt nội dung; hãy lưu thành bản nháp.');
    return c.json((await workbench().attachAliases(input, c.var.actor)) satisfies AttachBody, 201);
  });
  routes.post('/gaps/dismiss', async (c) => {
    const { gapIds } = parseOrThrow(z.strictObject({ gapIds: GapIdsSchema }), await readJson(c));
    const actor = c.var.actor;
    await storage().transaction(async (tx) => {
      for (const id of gapIds) await tx.gaps.setStatus(id, 'dismissed');
      await tx.audit.add({ ...actorFields(actor), action: 'gaps.dismiss', targetKind: 'gap', after: { gapIds } });
    });
    return c.json({ dismissed: gapIds.length });
  });

  routes.get('/feedback', async (c) => {
    const rating = parseOrThrow(z.enum(['up', 'down']).optional(), c.req.query('rating') || undefined);
    const feedback = await storage().feedback.list({ ...(rating ? { rating } : {}), limit: 200 });
    // What the rated answer was about: its cited entries (never the answer text, which may echo personal data).
    const metaBySession = new Map<string, Map<string, { citations?: string[]; kind?: string }>>();
    const rows: FeedbackRow[] = [];
    for (const item of feedback) {
      let metas = metaBySession.get(item.sessionId);
      if (!metas) {
        const messages = await storage().messages.list(item.sessionId).catch(() => []);
        metas = new Map(messages.map((m) => [m.id, m.meta as { citations?: string[]; kind?: string }]));
        metaBySession.set(item.sessionId, metas);
      }
      const meta = metas.get(item.messageId);
      const citationIds = meta?.citations ?? [];
      rows.push({
        id: item.id,
        rating: item.rating,
        ...(item.comment ? { comment: item.comment } : {}),
        createdAt: item.createdAt,
        kind: meta?.kind ?? null,
        citations: citationIds.map((id) => ({ id, title: workbench().entry(id)?.title.vi ?? id })),
      });
    }
    return c.json({ feedback: rows } satisfies FeedbackBody);
  });
  return routes;
}
