import { createRandomId } from '../ids.js';
import { MESSAGE_COLUMNS as COLUMNS, messageMapper, type MessageRow } from '../rows/messages.js';
import type { MessageRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { assertSessionOpen } from './sessions.js';

/** Messages on SQLite: text encrypted (citizens type names and ID numbers), meta plain for statistics. */
export function createMessageRepo(ctx: SqliteContext): Sync<MessageRepository> {
  const toMessage = messageMapper(ctx);

  return {
    append: ({ sessionId, role, text, meta = {} }) =>
      ctx.write('messages.append', () => {
        assertSessionOpen(ctx, sessionId);
        const id = createRandomId();
        const now = toIso(ctx.now());
        ctx
          .statement<[string, string, string, Buffer, string, string]>(
            `INSERT INTO messages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(id, sessionId, role, ctx.seal(text), JSON.stringify(meta), now);
        ctx.statement<[string, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, sessionId);
        return id;
      }),

    list: (sessionId, { limit } = {}) =>
      ctx.read('messages.list', () => {
        // Newest `limit` first in SQL, then reversed: chat context wants the latest turns, in reading order.
        const rows = ctx
          .statement<[string, number], MessageRow>(
            `SELECT ${COLUMNS} FROM messages WHERE session_id = ? ORDER BY seq DESC LIMIT ?`,
          )
          .all(sessionId, limit ?? -1);
        return rows.reverse().map(toMessage);
      }),
  };
}
