import type { PurgeOptions, RetentionRepository } from '../types.js';
import { daysBefore, wardDayOf } from '../ward-day.js';
import { toIso, type SqliteContext } from './context.js';
import { deleteCallbacksBefore } from './callbacks.js';
import { checkRetentionDays as checkDays, deleteDossiersBefore } from './dossiers.js';
import type { Sync } from './runner.js';

/** Retention on SQLite: one atomic purge of idle conversations, old feedback, past tickets, old dossiers and call-back requests. */
export function createRetentionRepo(ctx: SqliteContext): Sync<RetentionRepository> {
  return {
    purgeOlderThan: ({
      conversationsDays,
      feedbackDays = conversationsDays,
      ticketsDays = conversationsDays,
      dossiersDays = conversationsDays,
      callbacksDays = conversationsDays,
    }: PurgeOptions) =>
      ctx.write('retention.purgeOlderThan', () => {
        checkDays('conversationsDays', conversationsDays);
        checkDays('feedbackDays', feedbackDays);
        checkDays('ticketsDays', ticketsDays);
        checkDays('dossiersDays', dossiersDays);
        checkDays('callbacksDays', callbacksDays);
        const now = ctx.now();
        // Idle time, not age: a widget conversation resumed yesterday is not "old" because it began long ago.
        const sessionCutoff = toIso(daysBefore(now, conversationsDays));
        const idle = 'SELECT id FROM sessions WHERE last_seen_at < ?';
        // Counted before the DELETE: SQLite's change count leaves out rows removed by ON DELETE CASCADE.
        const count = (sql: string, ...params: string[]) =>
          ctx.statement<string[], { n: number }>(sql).get(...params)?.n ?? 0;
        const messages = count(`SELECT COUNT(*) AS n FROM messages WHERE session_id IN (${idle})`, sessionCutoff);
        const cascadedFeedback = count(`SELECT COUNT(*) AS n FROM feedback WHERE session_id IN (${idle})`, sessionCutoff);
        const sessions = ctx.statement<[string]>('DELETE FROM sessions WHERE last_seen_at < ?').run(sessionCutoff).changes;
        const olderFeedback = ctx
          .statement<[string]>('DELETE FROM feedback WHERE created_at < ?')
          .run(toIso(daysBefore(now, feedbackDays))).changes;
        const tickets = ctx
          .statement<[string]>('DELETE FROM tickets WHERE ward_day < ?')
          .run(wardDayOf(daysBefore(now, ticketsDays))).changes;
        // By age, not activity: a dossier is done once printed and received; its data should not linger.
        const dossiers = deleteDossiersBefore(ctx, daysBefore(now, dossiersDays));
        // By age too: a visitor's name and phone are kept no longer than the conversation they came from.
        const callbacks = deleteCallbacksBefore(ctx, daysBefore(now, callbacksDays));
        return { sessions, messages, feedback: cascadedFeedback + olderFeedback, tickets, dossiers, callbacks };
      }),
  };
}
