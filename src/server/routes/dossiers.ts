import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { PRINT_SCRIPT, PRINT_SCRIPT_PATH, renderDossierPage, renderPrintLinkExpiredPage, renderPrintUnavailablePage, type PrintTokens } from '../../dossiers/index.js';
import { getForm, listForms, toPublicForm, validateDossier } from '../../forms/index.js';
import { dossierInvalidError, notFoundError, unavailableError } from '../../shared/errors.js';
import type { Dossier, Storage } from '../../storage/types.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import type { SessionSecrets } from '../session-secret.js';
import { parseOrThrow, readJsonBody } from '../validate.js';
import type { ClientInfo } from './chat.js';

const DossierRequestSchema = z.strictObject({
  formId: z.string().min(1).max(100),
  values: z.record(z.string(), z.unknown()),
  sessionId: z.string().min(8).max(64).optional(),
  sessionSecret: z.string().min(16).max(128).optional(),
  channel: z.enum(['kiosk', 'widget', 'http']).default('http'),
});

export interface FormRoutesOptions {
  getStorage: () => Storage | undefined;
  getClient: (c: Context) => ClientInfo;
  /** The public-write policy (origin, JSON, body size) of `POST /api/dossiers`. */
  policy: MiddlewareHandler;
  secrets: SessionSecrets;
  /** Dossiers a minute per address (kiosks exempt) and per session. */
  dossiersPerMinute: number;
  /** Signs and reads print links; without it no print link opens (main.ts always gives one). */
  printTokens?: PrintTokens | undefined;
}

const TOO_MANY = 'Bạn đã gửi nhiều tờ khai trong một phút. Vui lòng chờ một chút rồi gửi lại.';

/** `GET /api/forms`, `POST /api/dossiers`, and the printable page a short-lived print link opens. */
export function createFormRoutes({ getStorage, getClient, policy, secrets, dossiersPerMinute, printTokens }: FormRoutesOptions): Hono {
  const routes = new Hono();
  const perAddress = new RateLimiter(dossiersPerMinute);
  const perSession = new RateLimiter(dossiersPerMinute);
  const storage = () => {
    const value = getStorage();
    if (!value) throw unavailableError();
    return value;
  };
  routes.get('/forms', (c) => c.json({ forms: listForms().map(toPublicForm) }));
  routes.post('/dossiers', policy, async (c) => {
    const request = parseOrThrow(DossierRequestSchema, await readJsonBody(c), 'Yêu cầu lưu tờ khai chưa hợp lệ.');
    const client = getClient(c);
    if (!client.kiosk) perAddress.enforce(client.address, TOO_MANY);
    // A kiosk session's id alone does not attach a dossier to it (nor, so, make it printable from there).
    const sessionId = await secrets.admit(request.sessionId, request.sessionSecret, async (id) => (await storage().sessions.get(id))?.channel);
    if (sessionId) perSession.enforce(sessionId, TOO_MANY);
    const form = getForm(request.formId);
    if (!form) throw dossierInvalidError([{ field: 'formId', message: 'Mẫu tờ khai không tồn tại.' }], 'Không có mẫu tờ khai này.');
    const validation = validateDossier(form, request.values);
    if (!validation.ok) throw dossierInvalidError(validation.errors);
    const dossier = await storage().dossiers.create({ formId: form.id, values: validation.values, channel: request.channel, ...(sessionId ? { sessionId } : {}) });
    // The dashboard's count; a failure here must not lose the citizen's saved dossier.
    await storage().usage.record([{ metric: 'dossier' }]).catch(() => undefined);
    return c.json({ reference: dossier.reference, formId: dossier.formId, status: dossier.status, createdAt: dossier.createdAt.toISOString() }, 201);
  });
  routes.get(PRINT_SCRIPT_PATH.replace('/api', ''), (c) => c.body(PRINT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  // The citizen's own copy, through a link that names one dossier and expires (docs/protocol.md, "Print links"):
  // a kiosk link also dies with its session (the idle wipe, "Bắt đầu lại"). Whatever fails, a page for a person.
  routes.get('/dossiers/print', async (c) => {
    c.header('Cache-Control', 'no-store');
    const expired = () => c.html(renderPrintLinkExpiredPage(), 410);
    const read = printTokens?.read(c.req.query('token') ?? '');
    if (!read || 'expired' in read) return expired();
    let dossier: Dossier | undefined;
    try {
      dossier = await storage().dossiers.getByReference(read.reference);
      if (dossier?.channel === 'kiosk') {
        const session = dossier.sessionId ? await storage().sessions.get(dossier.sessionId) : undefined;
        if (!session || session.endedAt) dossier = undefined;
      }
    } catch {
      // Storage unavailable (disk, database): the person still gets a page, not an error envelope.
      return c.html(renderPrintUnavailablePage(), 503);
    }
    if (!dossier) return expired();
    // Framed by the kiosk's own page (its print view), never by another site.
    c.set('frameAncestors', 'self');
    return c.html(renderPage(dossier, { toolbar: c.req.query('view') !== 'embed' }));
  });
  return routes;
}

/** The A4 page of a stored dossier. */
export function renderPage(dossier: { formId: string; values: Record<string, string>; reference: string; createdAt: Date }, { toolbar = false }: { toolbar?: boolean } = {}): string {
  const form = getForm(dossier.formId);
  if (!form) throw notFoundError('Mẫu tờ khai không còn.');
  return renderDossierPage({ form, values: dossier.values, reference: dossier.reference, createdAt: dossier.createdAt, toolbar, ...(dossier.values.noi_khai ? { place: dossier.values.noi_khai } : {}) });
}
