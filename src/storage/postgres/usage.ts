import type { UsageCount, UsageRepository } from '../types.js';
import { wardDayOf } from '../ward-day.js';
import type { PgContext } from './context.js';
import { invalidValue } from '../errors.js';

/**
 * Daily usage counters on PostgreSQL, one row per ward day (Asia/Ho_Chi_Minh), metric and key. The upsert adds
 * in one statement, so instances counting at once never lose an increment.
 */
export function createUsageRepo(ctx: PgContext): UsageRepository {
  return {
    record: async (events) => {
      events.forEach(({ count = 1 }, index) => {
        if (!Number.isSafeInteger(count) || count < 0) {
          throw invalidValue(`events.${index}.count`, 'expected a whole number ≥ 0');
        }
      });
      if (events.length === 0) return;
      await ctx.write('usage.record', async (db) => {
        const day = wardDayOf(ctx.now());
        for (const { metric, key = '', count = 1 } of events) {
          await db.run(
            `INSERT INTO usage_daily (day, metric, key, count) VALUES ($1, $2, $3, $4)
             ON CONFLICT (day, metric, key) DO UPDATE SET count = usage_daily.count + excluded.count`,
            [day, metric, key, count],
          );
        }
      });
    },

    list: ({ from, to }) =>
      ctx.read('usage.list', async (db) =>
        (
          await db.rows<{ day: string; metric: string; key: string; count: string }>(
            `SELECT day, metric, key, count FROM usage_daily WHERE day >= $1 AND day <= $2
             ORDER BY day COLLATE "C", metric COLLATE "C", key COLLATE "C"`,
            [from, to],
          )
        ).map((row): UsageCount => ({ day: row.day, metric: row.metric, key: row.key, count: Number(row.count) })),
      ),
  };
}
