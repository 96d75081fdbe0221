/**
 * What an official edits: a knowledge entry (target id = entry id), the ward settings (target id `ward`) or a life
 * situation (target id = situation id).
 */
export type RevisionTarget = 'entry' | 'ward-settings' | 'situation';

/**
 * draft: waiting for an approver. published: was (or is) live — the newest published revision of a target is the
 * current one. superseded: a draft replaced by a newer draft of the same target before it was published.
 * discarded: a draft an approver or its author threw away.
 */
export type RevisionStatus = 'draft' | 'published' | 'superseded' | 'discarded';

export interface Revision {
  id: string;
  targetKind: RevisionTarget;
  targetId: string;
  /** 1, 2, 3, … per target, in the order revisions were created. */
  number: number;
  status: RevisionStatus;
  /**
   * The full content (an entry or the ward settings, as JSON), or null for "back to the shipped file"
   * (a rollback to the baseline).
   */
  content: unknown;
  /** The published revision this edit started from; undefined when it started from the shipped file. */
  baseRevisionId?: string;
  /** When this revision restores an older one: that revision's id (or `baseline`). */
  restoresRevisionId?: string;
  /** The official's note on why ("phí mới theo Nghị quyết …"). */
  note?: string;
  authorId: string;
  createdAt: Date;
  publishedBy?: string;
  publishedAt?: Date;
}

export interface CreateRevisionInput {
  targetKind: RevisionTarget;
  targetId: string;
  content: unknown;
  /** The published revision the author saw (undefined = the shipped file). */
  baseRevisionId?: string;
  restoresRevisionId?: string;
  note?: string;
  authorId: string;
}

export interface RevisionRepository {
  /**
   * Saves a draft, superseding any older draft of the same target. `stale_revision` (409) when `baseRevisionId`
   * is not the target's current published revision (someone published in between) — nothing is written then.
   */
  createDraft(input: CreateRevisionInput): Promise<Revision>;
  get(id: string): Promise<Revision | undefined>;
  /** Every revision of one target, newest first. */
  listForTarget(targetKind: RevisionTarget, targetId: string): Promise<Revision[]>;
  /** Open drafts of every target, oldest first (the approvers' queue). */
  listDrafts(): Promise<Revision[]>;
  /** The current (newest) published revision of a target, or undefined when the shipped file is current. */
  currentPublished(targetKind: RevisionTarget, targetId: string): Promise<Revision | undefined>;
  /** The current published revision of every target of a kind (the overlay applied at start-up). */
  listCurrentPublished(targetKind: RevisionTarget): Promise<Revision[]>;
  /**
   * Publishes a draft: it becomes the current revision. `stale_revision` (409) when its base is no longer the
   * current published revision; `revision_not_draft` (409) when it is not an open draft; `not_found` otherwise.
   */
  publish(id: string, publishedBy: string): Promise<Revision>;
  /** Discards an open draft; `revision_not_draft` (409) when it is not one. */
  discard(id: string): Promise<Revision>;
}
