import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Logger } from '../shared/logger.js';
import { buildErrorBody, mapErrorToResponse } from './errors.js';
import { createHealthRoutes, type HealthReport } from './health.js';
import type { ChatEngine } from '../chat/engine/chat-engine.js';
import type { Storage } from '../storage/types.js';
import { getClientAddress } from './client-address.js';
import { createAdminRoutes } from './routes/admin/index.js';
import type { KnowledgeWorkbench } from '../admin/knowledge/workbench.js';
import type { AuthPolicy } from '../admin/auth/auth-service.js';
import { createChatRoutes } from './routes/chat.js';
import { createFormRoutes } from './routes/dossiers.js';
import { createSearchRoutes, type SearchFn } from './routes/search.js';
import { createSpeechRoutes } from './routes/speech.js';
import { createTranscribeRoutes } from './routes/transcribe.js';
import type { SpeechService, Voice } from '../speech/index.js';
import type { Transcriber } from '../speech/transcribe/index.js';
import { createUiRoutes } from './static/index.js';
import { securityHeaders } from './security-headers.js';
import { BODY_LIMITS, limitBody, publicWritePolicy } from './limits/public-write.js';
import { KioskClients } from './limits/kiosk-clients.js';
import { SessionSecrets } from './session-secret.js';
import type { ClientInfo } from './routes/chat.js';
import { createKioskRoutes } from './routes/kiosk.js';
import { createTicketRoutes } from './routes/tickets.js';
import { noStore } from './no-store.js';
import type { PrintTokens } from '../dossiers/index.js';
import { WidgetOriginsSetting } from '../admin/settings/widget-origins.js';
import { createCallbackRoutes } from './routes/callbacks.js';
import { createWidgetRoutes } from './routes/widget.js';

/** Everything the HTTP app needs, built in main.ts (or by a test) and injected. */
export interface AppDeps {
  logger: Logger;
  getHealth: () => HealthReport;
  /** The search function, or undefined until the knowledge base is indexed. */
  getSearch: () => SearchFn | undefined;
  /** The chat engine, or undefined until storage and retrieval are ready. */
  getChat?: () => ChatEngine | undefined;
  getStorage?: () => Storage | undefined;
  /** The officials' view of the knowledge base (drafts, publishing); the workbench API answers 503 until set. */
  getWorkbench?: () => KnowledgeWorkbench | undefined;
  /** Optional bearer token for scripts (ADMIN_TOKEN); officials log in with their accounts. */
  adminToken?: string | undefined;
  /** Lockout and session lifetime of officials' log-ins (tests shorten them). */
  authPolicy?: Partial<AuthPolicy>;
  /** The clock of the admin API (sessions, lockout, dashboard's "today"); tests pin it. */
  now?: () => Date;
  trustProxy?: boolean;
  chatMessagesPerMinutePerIp?: number;
  /** Messages a minute per session over HTTP (the socket counts per connection). */
  chatMessagesPerMinute?: number;
  /** Dossiers a minute per address and per session (`POST /api/dossiers`). */
  dossiersPerMinute?: number;
  /** The ward's kiosks, exempt from the per-address limits (shared with the chat socket). */
  kiosks?: KioskClients;
  /** Key of the secrets that let an HTTP client drive a kiosk session (derived from the data key in main.ts). */
  sessionSecretKey?: Buffer;
  /** The built kiosk UI (kiosk-ui/dist); the page and widget are not served when unset. */
  uiDir?: string;
  kioskIdleSeconds?: number;
  /** Other sites allowed to embed the widget (exact origins; WIDGET_ORIGINS); the server's own origin is always allowed. */
  widgetOrigins?: readonly string[];
  /** The live list admins edit (main.ts shares it with the chat socket); built from `widgetOrigins` when unset. */
  widgetOriginSetting?: WidgetOriginsSetting;
  /** Call-back requests a minute per address and per session (`POST /api/callbacks`; 3 when unset). */
  callbacksPerMinute?: number;
  /** Signs and reads the short-lived print links (the chat engine must be given the same one). */
  printTokens?: PrintTokens;
  /** Minutes of estimated wait per ticket ahead (config MINUTES_PER_TICKET; 5 when unset). */
  minutesPerTicket?: number;
  /** Read-aloud (eSpeak NG in a worker); `/api/speech` answers 503 while unset. */
  getSpeech?: () => SpeechService | undefined;
  /** The ward's voice region (ward settings `speechVoice`). */
  getWardVoice?: () => Voice;
  speechRequestsPerMinutePerIp?: number;
  /** Voice input through the ward's speech server (ASR_URL); off while unset. */
  transcriber?: Transcriber | undefined;
  transcribeMaxBytes?: number;
}

/** Builds the Hono app; never listens (main.ts does, tests use `app.request()`). */
export function createApp(deps: AppDeps): Hono {
  const logger = deps.logger.child({ module: 'http' });
  const app = new Hono();
  app.use(securityHeaders({ allowMicrophone: deps.transcriber !== undefined }));

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Path only: query strings carry citizens' questions, which are never logged.
    logger.info(
      { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  // Answers that may hold a citizen's personal data are never kept by a browser or a proxy (docs/protocol.md).
  for (const path of ['/api/chat', '/api/chat/*', '/api/dossiers', '/api/dossiers/*', '/api/tickets/*', '/api/callbacks', '/admin/api/*']) app.use(path, noStore());

  // Read per request: an admin's change in the workbench applies to the next request, without a restart.
  const originSetting = deps.widgetOriginSetting ?? new WidgetOriginsSetting({ defaults: deps.widgetOrigins ?? [], getStorage: deps.getStorage ?? (() => undefined), logger });
  if (!deps.widgetOriginSetting) void originSetting.refresh();
  const widgetOrigins = () => originSetting.current();
  const listed = (origin: string) => (widgetOrigins().includes(origin) ? origin : null);
  // Only listed sites may call the chat from a browser; same-origin requests need no CORS header.
  app.use('/api/chat', cors({ origin: listed, allowMethods: ['POST'], allowHeaders: ['Content-Type'] }));
  app.use('/api/callbacks', cors({ origin: listed, allowMethods: ['POST'], allowHeaders: ['Content-Type'] }));
  // The widget asks the ward's voice from other sites; the audio itself loads through <audio>, which needs no CORS.
  app.use('/api/speech/config', cors({ origin: listed, allowMethods: ['GET'] }));
  app.route('/healthz', createHealthRoutes(deps.getHealth));
  app.route('/api/search', createSearchRoutes(deps.getSearch));
  const getAddress = (c: Pick<Context, 'env'>) => {
    const incoming = (c.env as { incoming?: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } } } | undefined)?.incoming;
    return incoming ? getClientAddress(incoming as never, deps.trustProxy ?? false) : 'local';
  };
  const kiosks = deps.kiosks ?? new KioskClients();
  const getClient = (c: Context): ClientInfo => {
    const address = getAddress(c);
    return { address, kiosk: kiosks.recognize(address, c.req.header('cookie')) };
  };
  const trustProxy = deps.trustProxy ?? false;
  const publicWrite = (maxBytes: number, origins: () => readonly string[] = widgetOrigins) => publicWritePolicy({ maxBytes, allowedOrigins: origins, trustProxy });
  const secrets = new SessionSecrets(deps.sessionSecretKey);
  app.route(
    '/api/chat',
    createChatRoutes({
      getEngine: deps.getChat ?? (() => undefined),
      getClient,
      policy: publicWrite(BODY_LIMITS.chat),
      secrets,
      messagesPerMinutePerAddress: deps.chatMessagesPerMinutePerIp ?? 120,
      messagesPerMinutePerSession: deps.chatMessagesPerMinute ?? 20,
    }),
  );
  app.route(
    '/api',
    createFormRoutes({ getStorage: deps.getStorage ?? (() => undefined), getClient, policy: publicWrite(BODY_LIMITS.dossiers), secrets, dossiersPerMinute: deps.dossiersPerMinute ?? 5, printTokens: deps.printTokens }),
  );
  app.route('/api/widget', createWidgetRoutes({ getOrigins: widgetOrigins, trustProxy }));
  app.route(
    '/api/callbacks',
    createCallbackRoutes({ getStorage: deps.getStorage ?? (() => undefined), getClient, policy: publicWrite(BODY_LIMITS.callback), callbacksPerMinute: deps.callbacksPerMinute ?? 3, logger }),
  );
  app.route('/api/tickets', createTicketRoutes({ getStorage: deps.getStorage ?? (() => undefined), minutesPerTicket: deps.minutesPerTicket ?? 5 }));
  app.route('/api/kiosk', createKioskRoutes({ kiosks, policy: publicWrite(BODY_LIMITS.kiosk, () => []), getAddress, trustProxy }));
  // Officials' bodies are bounded too; log-in, their one public write, also gets the whole public policy.
  app.use('/admin/api/*', limitBody(BODY_LIMITS.admin));
  app.route(
    '/api/speech',
    createSpeechRoutes({
      getSpeech: deps.getSpeech ?? (() => undefined),
      getWardVoice: deps.getWardVoice ?? (() => 'north'),
      transcribeEnabled: deps.transcriber !== undefined,
      getAddress,
      requestsPerMinutePerAddress: deps.speechRequestsPerMinutePerIp ?? 120,
    }),
  );
  app.route(
    '/api/transcribe',
    createTranscribeRoutes({
      transcriber: deps.transcriber,
      maxBytes: deps.transcribeMaxBytes ?? 2_000_000,
      getAddress,
      requestsPerMinutePerAddress: deps.speechRequestsPerMinutePerIp ?? 120,
    }),
  );
  app.route(
    '/admin/api',
    createAdminRoutes({
      getStorage: deps.getStorage ?? (() => undefined),
      getWorkbench: deps.getWorkbench ?? (() => undefined),
      getToken: () => deps.adminToken,
      getAddress,
      trustProxy,
      loginPolicy: publicWrite(BODY_LIMITS.admin, () => []),
      widgetOrigins: originSetting,
      ...(deps.authPolicy ? { authPolicy: deps.authPolicy } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );

  if (deps.uiDir) app.route('/', createUiRoutes({ uiDir: deps.uiDir, ...(deps.kioskIdleSeconds ? { kioskIdleSeconds: deps.kioskIdleSeconds } : {}) }));

  app.notFound((c) => c.json(buildErrorBody('not_found', 'Không tìm thấy địa chỉ này.'), 404));
  app.onError((error, c) => mapErrorToResponse(error, c, logger));
  return app;
}
