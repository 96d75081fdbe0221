import type { PurgeOptions, RetentionRepository } from '../types.js';
import { daysBefore, wardDayOf } from '../ward-day.js';
import type { PgContext } from './context.js';
import { deleteCallbacksBefore } from './callbacks.js';
import { checkRetentionDays as checkDays, deleteDossiersBefore } from './dossiers.js';

/** Retention on PostgreSQL: one atomic purge of idle conversations, old feedback, past tickets, old dossiers and call-back requests. */
export function createRetentionRepo(ctx: PgContext): RetentionRepository {
  return {
    purgeOlderThan: ({
      conversationsDays,
      feedbackDays = conversationsDays,
      ticketsDays = conversationsDays,
      dossiersDays = conversationsDays,
      callbacksDays = conversationsDays,
    }: PurgeOptions) =>
      ctx.write('retention.purgeOlderThan', async (db) => {
        checkDays('conversationsDays', conversationsDays);
        checkDays('feedbackDays', feedbackDays);
        checkDays('ticketsDays', ticketsDays);
        checkDays('dossiersDays', dossiersDays);
        checkDays('callbacksDays', callbacksDays);
        const now = ctx.now();
        // Idle time, not age: a widget conversation resumed yesterday is not "old" because it began long ago.
        const sessionCutoff = daysBefore(now, conversationsDays);
        // The idle sessions are locked first, so the cascade counts below match what the DELETE removes.
        const idle = await db.rows<{ id: string }>('SELECT id FROM sessions WHERE last_seen_at < $1 FOR UPDATE', [sessionCutoff]);
        const ids = idle.map((row) => row.id);
        const count = async (sql: string) => (await db.one<{ n: number }>(sql, [ids]))?.n ?? 0;
        // Counted before the DELETE: its row count leaves out rows removed by ON DELETE CASCADE.
        const messages = await count('SELECT COUNT(*)::int AS n FROM messages WHERE session_id = ANY($1)');
        const cascadedFeedback = await count('SELECT COUNT(*)::int AS n FROM feedback WHERE session_id = ANY($1)');
        const sessions = await db.run('DELETE FROM sessions WHERE id = ANY($1)', [ids]);
        const olderFeedback = await db.run('DELETE FROM feedback WHERE created_at < $1', [daysBefore(now, feedbackDays)]);
        const tickets = await db.run('DELETE FROM tickets WHERE ward_day < $1', [wardDayOf(daysBefore(now, ticketsDays))]);
        // By age, not activity: a dossier is done once printed and received; its data should not linger.
        const dossiers = await deleteDossiersBefore(db, daysBefore(now, dossiersDays));
        // By age too: a visitor's name and phone are kept no longer than the conversation they came from.
        const callbacks = await deleteCallbacksBefore(db, daysBefore(now, callbacksDays));
        return { sessions, messages, feedback: cascadedFeedback + olderFeedback, tickets, dossiers, callbacks };
      }),
  };
}
