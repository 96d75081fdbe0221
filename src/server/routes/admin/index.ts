import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AuthPolicy } from '../../../admin/auth/auth-service.js';
import type { KnowledgeWorkbench } from '../../../admin/knowledge/workbench.js';
import type { Storage } from '../../../storage/types.js';
import { createAccountRoutes } from './accounts.js';
import { createAdminAuth } from './auth.js';
import { adminServices, type AdminEnv } from './context.js';
import { createDeskRoutes } from './desk.js';
import { createInboxRoutes } from './inbox.js';
import { createKnowledgeRoutes } from './knowledge.js';
import { createSettingRoutes } from './settings.js';
import { createStatsRoutes } from './stats.js';
import type { WidgetOriginsSetting } from '../../../admin/settings/widget-origins.js';

export interface AdminRoutesOptions {
  getStorage: () => Storage | undefined;
  getWorkbench: () => KnowledgeWorkbench | undefined;
  /** ADMIN_TOKEN: optional bearer credential for scripts. */
  getToken: () => string | undefined;
  getAddress: (c: Pick<Context, 'env'>) => string;
  trustProxy: boolean;
  authPolicy?: Partial<AuthPolicy>;
  loginsPerMinute?: number;
  /** The public-write policy (own origin, JSON, body size) of `POST /login`. */
  loginPolicy: MiddlewareHandler;
  /** The sites allowed to embed the widget (admins edit them). */
  widgetOrigins: WidgetOriginsSetting;
  now?: () => Date;
}

/** `/admin/api`: log-in, then every route behind the one guard (session + CSRF, or ADMIN_TOKEN) and its role. */
export function createAdminRoutes(options: AdminRoutesOptions): Hono<AdminEnv> {
  const services = adminServices(options.getStorage, options.getWorkbench);
  const { routes: authRoutes, guard } = createAdminAuth({
    storage: services.storage,
    getToken: options.getToken,
    getAddress: options.getAddress,
    trustProxy: options.trustProxy,
    loginPolicy: options.loginPolicy,
    ...(options.authPolicy ? { policy: options.authPolicy } : {}),
    ...(options.loginsPerMinute ? { loginsPerMinute: options.loginsPerMinute } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const routes = new Hono<AdminEnv>();
  routes.route('/', authRoutes);
  routes.use('*', guard);
  routes.route('/', createKnowledgeRoutes(services));
  routes.route('/', createInboxRoutes(services));
  routes.route('/', createStatsRoutes(services, options.now));
  routes.route('/', createDeskRoutes(services));
  routes.route('/', createAccountRoutes(services));
  routes.route('/', createSettingRoutes(services, options.widgetOrigins));
  return routes;
}
