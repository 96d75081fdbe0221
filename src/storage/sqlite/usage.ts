import type { UsageCount, UsageRepository } from '../types.js';
import { wardDayOf } from '../ward-day.js';
import type { SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { invalidValue } from '../errors.js';

/**
 * Daily usage counters on SQLite, one row per ward day (Asia/Ho_Chi_Minh), metric and key. Only counts: nothing
 * here identifies a person, so retention leaves them alone and the dashboard can show months.
 */
export function createUsageRepo(ctx: SqliteContext): Sync<UsageRepository> {
  return {
    record: (events) => {
      events.forEach(({ count = 1 }, index) => {
        if (!Number.isSafeInteger(count) || count < 0) {
          throw invalidValue(`events.${index}.count`, 'expected a whole number ≥ 0');
        }
      });
      if (events.length === 0) return;
      ctx.write('usage.record', () => {
        const day = wardDayOf(ctx.now());
        const upsert = ctx.statement<[string, string, string, number]>(
          `INSERT INTO usage_daily (day, metric, key, count) VALUES (?, ?, ?, ?)
           ON CONFLICT (day, metric, key) DO UPDATE SET count = count + excluded.count`,
        );
        for (const { metric, key = '', count = 1 } of events) upsert.run(day, metric, key, count);
      });
    },

    list: ({ from, to }) =>
      ctx.read('usage.list', () =>
        ctx
          .statement<[string, string], UsageCount>(
            'SELECT day, metric, key, count FROM usage_daily WHERE day >= ? AND day <= ? ORDER BY day, metric, key',
          )
          .all(from, to),
      ),
  };
}
