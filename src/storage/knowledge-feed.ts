import { randomBytes } from 'node:crypto';
import type { RevisionTarget } from './types.js';

/** A published revision (publish, rollback, attach-and-publish) that every instance must lay over its knowledge. */
export interface KnowledgeChange {
  targetKind: RevisionTarget;
  targetId: string;
  revisionId: string;
}

/** A change as delivered: `origin` is the instance that published it, so it can ignore its own. */
export interface KnowledgeNotice extends KnowledgeChange {
  origin: string;
}

/**
 * A notice that the feed may have missed changes (it reconnected after a drop): the listener re-reads everything.
 * Delivered as `{ kind: 'resync' }` beside the per-change notices.
 */
export type KnowledgeFeedEvent = ({ kind: 'change' } & KnowledgeNotice) | { kind: 'resync' };

export type KnowledgeFeedHandler = (event: KnowledgeFeedEvent) => void;

/**
 * How instances sharing one database tell each other that knowledge was published (docs/decisions.md, "One
 * machine, or many instances"): each keeps its own in-memory indexes and re-reads the changed target from the database.
 */
export interface KnowledgeFeed {
  /** This instance's id, carried in every notice it sends. */
  readonly instanceId: string;
  /** Tells every instance (this one included: handlers filter by `origin`) that a revision is now in force. */
  notify(change: KnowledgeChange): Promise<void>;
  /** Calls `handler` for each change and resync; returns the unsubscribe function. */
  subscribe(handler: KnowledgeFeedHandler): () => void;
  close(): Promise<void>;
}

/** A random id for this process, short enough for a NOTIFY payload. */
export function createInstanceId(): string {
  return randomBytes(9).toString('base64url');
}

/** The feed of a single instance (SQLite, one process): notices go to this process's handlers only. */
export function createLocalKnowledgeFeed({ instanceId = createInstanceId() }: { instanceId?: string } = {}): KnowledgeFeed {
  const handlers = new Set<KnowledgeFeedHandler>();
  return {
    instanceId,
    notify: async (change) => {
      for (const handler of handlers) handler({ kind: 'change', ...change, origin: instanceId });
    },
    subscribe: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    close: async () => {
      handlers.clear();
    },
  };
}
