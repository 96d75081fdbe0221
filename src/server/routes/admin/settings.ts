import { Hono } from 'hono';
import { WidgetOriginsSchema, type WidgetOriginsSetting } from '../../../admin/settings/widget-origins.js';
import { parseOrThrow, readJsonBody } from '../../validate.js';
import { requireRole, type AdminEnv, type AdminServices } from './context.js';

/** `/widget-origins`: the sites allowed to embed the widget, edited by admins and applied at once (docs/admin-api.md). */
export function createSettingRoutes(services: AdminServices, origins: WidgetOriginsSetting): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  routes.use('/widget-origins', requireRole('admin'));
  routes.get('/widget-origins', async (c) => {
    await origins.refresh();
    return c.json(origins.view());
  });
  routes.put('/widget-origins', async (c) => {
    const { origins: list } = parseOrThrow(WidgetOriginsSchema, await readJsonBody(c), 'Danh sách trang web chưa hợp lệ.');
    return c.json(await origins.update(services.storage(), list, c.var.actor));
  });
  return routes;
}
