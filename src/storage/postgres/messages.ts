import { createRandomId } from '../ids.js';
import type { Message, MessageMeta, MessageRepository, MessageRole } from '../types.js';
import type { PgContext } from './context.js';
import { touchOpenSession } from './sessions.js';

interface MessageRow {
  id: string;
  session_id: string;
  role: MessageRole;
  text: Buffer;
  meta: string;
  created_at: Date;
}

/** Messages on PostgreSQL: text encrypted (citizens type names and ID numbers), meta plain for statistics. */
export function createMessageRepo(ctx: PgContext): MessageRepository {
  const toMessage = (row: MessageRow): Message => ({
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    text: ctx.open(row.text),
    meta: JSON.parse(row.meta) as MessageMeta,
    createdAt: new Date(row.created_at),
  });

  return {
    append: ({ sessionId, role, text, meta = {} }) =>
      ctx.write('messages.append', async (db) => {
        const now = ctx.now();
        // Touching first locks the open session row, so a concurrent end waits for (or precedes) this message.
        await touchOpenSession(db, sessionId, now);
        const id = createRandomId();
        await db.run('INSERT INTO messages (id, session_id, role, text, meta, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
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
          'SELECT id, session_id, role, text, meta, created_at FROM messages WHERE session_id = $1 ORDER BY seq DESC LIMIT $2',
          [sessionId, limit ?? null],
        );
        return rows.reverse().map(toMessage);
      }),
  };
}
