import { Hono } from 'hono';
import { z } from 'zod';
import { buildUsageReport, daysBetween, usageReportCsv } from '../../../admin/stats/usage-report.js';
import type { StatsBody } from '../../../admin/api/wire.js';
import { wardDayOf } from '../../../shared/ward-time.js';
import { parseOrThrow } from '../../validate.js';
import type { AdminEnv, AdminServices } from './context.js';

const DaySchema = z.iso.date();
const RangeSchema = z
  .strictObject({ from: DaySchema.optional(), to: DaySchema.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] })
  .refine((r) => !r.from || !r.to || daysBetween(r.from, r.to).length <= 366, { message: 'Tối đa một năm mỗi lần xem.', path: ['to'] });

/** The dashboard: usage per ward day, answer rate, top procedures; CSV for spreadsheets. */
export function createStatsRoutes(services: AdminServices, now: () => Date = () => new Date()): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const report = async (query: Record<string, string>) => {
    const range = parseOrThrow(RangeSchema, query);
    const to = range.to ?? wardDayOf(now());
    const from = range.from ?? wardDayOf(new Date(Date.parse(`${to}T12:00:00+07:00`) - 29 * 86_400_000));
    const result = buildUsageReport(from, to, await services.storage().usage.list({ from, to }));
    return result;
  };
  routes.get('/stats', async (c) => {
    const result = await report(c.req.query());
    const title = (id: string) => services.workbench().entry(id)?.title.vi ?? id;
    return c.json({ ...result, topProcedures: result.topProcedures.map((p) => ({ ...p, title: title(p.id) })) } satisfies StatsBody);
  });
  routes.get('/stats.csv', async (c) => {
    const result = await report(c.req.query());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="thong-ke-${result.from}-${result.to}.csv"`);
    return c.body(usageReportCsv(result));
  });
  return routes;
}
