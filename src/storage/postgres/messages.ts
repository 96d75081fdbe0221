import { createRandomId } from '../ids.js';
import { MESSAGE_COLUMNS as COLUMNS, messageMapper, type MessageRow } from '../rows/messages.js';
import type { MessageRepository } from '../types.js';
import type { PgContext } from './context.js';
import { touchOpenSession } from './sessions.js';

/** Messages on PostgreSQL: text encrypted (citizens type names and ID numbers), meta plain for statistics. */
export function createMessageRepo(ctx: PgContext): MessageRepository {
  const toMessage = messageMapper(ctx);

  return {
    append: ({ sessionId, role, text, meta = {} }) =>
      ctx.write('messages.append', async (db) => {
        const now = ctx.now();
        // Touching first locks the open session row, so a concurrent end waits for (or precedes) this message.
        await touchOpenSession(db, sessionId, now);
        const id = createRandomId();
        await db.run(`INSERT INTO messages (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          id,
          sessionId,
          role,
          ctx.seal(text),
          JSON.stringify(meta),
          now,
        ]);
        return id;
      }),

    list: (sessionId, { limit } = {}) =>
      ctx.read('messages.list', async (db) => {
        // Newest `limit` first in SQL, then reversed: chat context wants the latest turns, in reading order.
        const rows = await db.rows<MessageRow>(
          `SELECT ${COLUMNS} FROM messages WHERE session_id = $1 ORDER BY seq DESC LIMIT $2`,
          [sessionId, limit ?? null],
        );
        return rows.reverse().map(toMessage);
      }),
  };
}
