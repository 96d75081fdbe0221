import { Hono } from 'hono';
import { z } from 'zod';
import { renderDossierPage } from '../../dossiers/index.js';
import { getForm, listForms, toPublicForm, validateDossier } from '../../forms/index.js';
import { AppError, notFoundError, unavailableError } from '../../shared/errors.js';
import type { Storage } from '../../storage/types.js';
import { parseOrThrow, readJsonBody } from '../validate.js';

const DossierRequestSchema = z.strictObject({
  formId: z.string().min(1).max(100),
  values: z.record(z.string(), z.unknown()),
  sessionId: z.string().min(8).max(64).optional(),
  channel: z.enum(['kiosk', 'widget', 'http']).default('http'),
});

/** `GET /api/forms`, `POST /api/dossiers`, and the printable page for the session that created a dossier. */
export function createFormRoutes(getStorage: () => Storage | undefined): Hono {
  const routes = new Hono();
  const storage = () => {
    const value = getStorage();
    if (!value) throw unavailableError();
    return value;
  };
  routes.get('/forms', (c) => c.json({ forms: listForms().map(toPublicForm) }));
  routes.post('/dossiers', async (c) => {
    const body = await readJsonBody(c);
    const request = parseOrThrow(DossierRequestSchema, body, 'Yêu cầu lưu tờ khai chưa hợp lệ.');
    const form = getForm(request.formId);
    if (!form) throw new AppError({ status: 422, code: 'validation_failed', message: 'Không có mẫu tờ khai này.', errors: [{ field: 'formId', message: 'Mẫu tờ khai không tồn tại.' }] });
    const validation = validateDossier(form, request.values);
    if (!validation.ok) throw new AppError({ status: 422, code: 'validation_failed', message: 'Tờ khai còn thông tin chưa đúng hoặc còn thiếu.', errors: validation.errors });
    const dossier = await storage().dossiers.create({ formId: form.id, values: validation.values, channel: request.channel, ...(request.sessionId ? { sessionId: request.sessionId } : {}) });
    // The dashboard's count; a failure here must not lose the citizen's saved dossier.
    await storage().usage.record([{ metric: 'dossier' }]).catch(() => undefined);
    return c.json({ reference: dossier.reference, formId: dossier.formId, status: dossier.status, createdAt: dossier.createdAt.toISOString() }, 201);
  });
  // The citizen's own copy: only for the (still open) session that created the dossier.
  routes.get('/dossiers/:reference/print', async (c) => {
    const sessionId = c.req.query('sessionId');
    const dossier = await storage().dossiers.getByReference(c.req.param('reference'));
    if (!dossier || !sessionId || dossier.sessionId !== sessionId) throw notFoundError('Không tìm thấy tờ khai.');
    const session = await storage().sessions.get(sessionId);
    if (!session || session.endedAt) throw notFoundError('Không tìm thấy tờ khai.');
    return c.html(renderPage(dossier));
  });
  return routes;
}

/** The A4 page of a stored dossier. */
export function renderPage(dossier: { formId: string; values: Record<string, string>; reference: string; createdAt: Date }): string {
  const form = getForm(dossier.formId);
  if (!form) throw notFoundError('Mẫu tờ khai không còn.');
  return renderDossierPage({ form, values: dossier.values, reference: dossier.reference, createdAt: dossier.createdAt });
}
