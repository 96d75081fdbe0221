import type { Logger } from '../../shared/logger.js';
import type { KnowledgeFeed, KnowledgeFeedEvent } from '../../storage/knowledge-feed.js';
import type { Revision, RevisionTarget, Storage } from '../../storage/types.js';
import type { Entry, WardSettings } from '../schema.js';
import type { Situation } from '../situation-schema.js';
import { schemaFor, WARD_TARGET_ID } from './targets.js';

/** What re-indexing after a publish reports (RetrievalRuntime.applyEntries). */
export interface ReindexResult {
  changed: string[];
  removed: string[];
  ms: number;
}

export type Reindexer = (entries: Entry[]) => Promise<ReindexResult>;

export interface KnowledgeInForceOptions {
  /** Where the officials' published revisions are read (only `revisions`). */
  storage: Pick<Storage, 'revisions'>;
  /** The shipped files (knowledge/ and the ward settings file). */
  baselineEntries: Entry[];
  baselineWard: WardSettings | undefined;
  /** The shipped life situations (knowledge/situations/). */
  baselineSituations?: Situation[] | undefined;
  logger: Logger;
  /**
   * Where publishes are announced to the other instances sharing the database, and theirs heard (docs/decisions.md,
   * "One machine, or many instances"); none for a single instance.
   */
  feed?: KnowledgeFeed | undefined;
}

interface Overlay<T> {
  revisionId: string;
  /** null = the shipped file is back in force (a rollback to the baseline). */
  content: T | null;
}

/**
 * The knowledge the service serves now: the shipped files with the officials' published revisions laid over them
 * (docs/decisions.md, "Who owns the knowledge") — entries, ward settings and life situations — kept current on a publish here or on
 * another instance, and re-indexed. Read by the chat, retrieval and the officials' workbench; it never edits.
 */
export class KnowledgeInForce {
  private readonly baseline: Map<string, Entry>;
  private readonly overlay = new Map<string, Overlay<Entry>>();
  private wardOverlay: Overlay<WardSettings> | undefined;
  private readonly situationBaseline: Map<string, Situation>;
  private readonly situationOverlay = new Map<string, Overlay<Situation>>();
  private reindexer: Reindexer | undefined;
  /** Another instance's publish was laid over before retrieval was up: index it once the reindexer is set. */
  private reindexPending = false;
  /** Refreshes from the feed run one at a time, in order, so two quick publishes re-index in the order they came. */
  private refreshing: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private readonly storage: Pick<Storage, 'revisions'>;
  private readonly logger: Logger;

  private constructor(private readonly options: KnowledgeInForceOptions) {
    this.storage = options.storage;
    this.logger = options.logger.child({ module: 'knowledge' });
    this.baseline = new Map(options.baselineEntries.map((entry) => [entry.id, entry]));
    this.situationBaseline = new Map((options.baselineSituations ?? []).map((situation) => [situation.id, situation]));
  }

  /** Loads the published revisions; one that no longer fits the schema (after an upgrade) is skipped with an error log. */
  static async open(options: KnowledgeInForceOptions): Promise<KnowledgeInForce> {
    const knowledge = new KnowledgeInForce(options);
    // Subscribed before the first read, so a publish elsewhere during start-up is not lost between the two.
    if (options.feed) knowledge.unsubscribe = options.feed.subscribe((event) => knowledge.onFeedEvent(event));
    await knowledge.reload();
    return knowledge;
  }

  /** Stops listening to the other instances (shutdown). */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /**
   * Re-reads one target's revision in force from the database and re-indexes: what another instance just published
   * (or rolled back) is served here too. Resolves once re-indexed; a failure is logged, the next publish retries.
   */
  async refreshTarget(kind: RevisionTarget, targetId: string): Promise<void> {
    const latest = await this.storage.revisions.currentPublished(kind, targetId);
    if (latest) this.applyRevision(latest);
    else if (kind === 'entry') this.overlay.delete(targetId);
    else if (kind === 'situation') this.situationOverlay.delete(targetId);
    else this.wardOverlay = undefined;
    if (kind === 'entry') await this.reindex('refresh');
  }

  /** Re-reads every published revision and re-indexes (after the feed missed notices, e.g. a dropped connection). */
  async resync(): Promise<void> {
    await this.reload();
    await this.reindex('resync');
  }

  /** Re-reads every published revision from the database (e.g. after another instance published). */
  async reload(): Promise<void> {
    const [entries, ward, situations] = await Promise.all([
      this.storage.revisions.listCurrentPublished('entry'),
      this.storage.revisions.currentPublished('ward-settings', WARD_TARGET_ID),
      this.storage.revisions.listCurrentPublished('situation'),
    ]);
    this.overlay.clear();
    for (const revision of entries) this.applyRevision(revision);
    this.wardOverlay = undefined;
    if (ward) this.applyRevision(ward);
    this.situationOverlay.clear();
    for (const revision of situations) this.applyRevision(revision);
    if (this.overlay.size > 0 || this.wardOverlay || this.situationOverlay.size > 0) {
      this.logger.info({ entries: this.overlay.size, ward: Boolean(this.wardOverlay), situations: this.situationOverlay.size }, 'officials\u2019 published revisions applied');
    }
  }

  /** Called once retrieval is up: publishing then re-indexes the entry at once. */
  setReindexer(reindexer: Reindexer | undefined): void {
    this.reindexer = reindexer;
    if (reindexer && this.reindexPending) void this.queueRefresh(() => this.reindex('catch-up'));
  }

  /** Every entry as citizens get it now: shipped files with published revisions in force. */
  entries(): Entry[] {
    const result: Entry[] = [];
    for (const [id, shipped] of this.baseline) {
      const overlay = this.overlay.get(id);
      result.push(overlay?.content ?? shipped);
    }
    for (const [id, overlay] of this.overlay) if (!this.baseline.has(id) && overlay.content) result.push(overlay.content);
    return result;
  }

  /** One entry as citizens get it now. */
  entry(id: string): Entry | undefined {
    const overlay = this.overlay.get(id);
    return overlay?.content ?? this.baseline.get(id);
  }

  /** The ward settings in force (published revision, else the shipped file). */
  ward(): WardSettings | undefined {
    return this.wardOverlay?.content ?? this.options.baselineWard;
  }

  /** The life situations citizens get now (shipped files with published revisions in force); what the chat reads. */
  situations(): Situation[] {
    return [...this.situationBaseline.keys()].map((id) => this.situation(id)).filter((situation) => situation !== undefined);
  }

  /** One life situation as citizens get it now. */
  situation(id: string): Situation | undefined {
    return this.situationOverlay.get(id)?.content ?? this.situationBaseline.get(id);
  }

  /**
   * Lays a revision just published here over the files, tells the other instances and re-indexes when it is an
   * entry. Resolves to what the re-index reported (undefined when there was none to run).
   */
  async applyPublished(revision: Revision): Promise<ReindexResult | { error: string } | undefined> {
    this.applyRevision(revision);
    await this.announce(revision);
    if (revision.targetKind !== 'entry') return undefined;
    if (!this.reindexer) return undefined;
    try {
      return await this.reindexer(this.entries());
    } catch (error) {
      // Published is published: the database holds it and the next start indexes it; say so instead of failing.
      this.logger.error({ targetId: revision.targetId, reason: error instanceof Error ? error.message : String(error) }, 're-index after publish failed');
      return { error: 'Đã xuất bản nhưng chưa cập nhật được chỉ mục tìm kiếm; khởi động lại dịch vụ sẽ cập nhật.' };
    }
  }

  /** Lays a published revision over the files; one that no longer fits the schema is skipped with an error log. */
  applyRevision(revision: Revision): void {
    const parsed = revision.content === null ? { success: true as const, data: null } : schemaFor(revision.targetKind).safeParse(revision.content);
    if (!parsed.success) {
      this.logger.error({ targetKind: revision.targetKind, targetId: revision.targetId, revisionId: revision.id }, 'published revision no longer fits the schema; the shipped file is used');
      return;
    }
    if (revision.targetKind === 'entry') this.overlay.set(revision.targetId, { revisionId: revision.id, content: parsed.data as Entry | null });
    else if (revision.targetKind === 'situation') this.situationOverlay.set(revision.targetId, { revisionId: revision.id, content: parsed.data as Situation | null });
    else this.wardOverlay = { revisionId: revision.id, content: parsed.data as WardSettings | null };
  }

  /** The id of the published revision in force for a target, undefined while the shipped file is. */
  revisionIdOf(kind: RevisionTarget, targetId: string): string | undefined {
    if (kind === 'entry') return this.overlay.get(targetId)?.revisionId;
    if (kind === 'situation') return this.situationOverlay.get(targetId)?.revisionId;
    return this.wardOverlay?.revisionId;
  }

  /** A published revision (not a rollback to the shipped file) overrides the shipped entry or situation. */
  isEdited(kind: 'entry' | 'situation', id: string): boolean {
    return Boolean((kind === 'entry' ? this.overlay : this.situationOverlay).get(id)?.content);
  }

  /** What citizens get now for a target. */
  currentOf(kind: RevisionTarget, targetId: string): unknown {
    if (kind === 'situation') return this.situation(targetId);
    return kind === 'entry' ? this.entry(targetId) : this.ward();
  }

  /** The shipped file's version of a target. */
  baselineOf(kind: RevisionTarget, targetId: string): unknown {
    if (kind === 'situation') return this.situationBaseline.get(targetId);
    return kind === 'entry' ? this.baseline.get(targetId) : this.options.baselineWard;
  }

  private onFeedEvent(event: KnowledgeFeedEvent): void {
    if (event.kind === 'resync') {
      void this.queueRefresh(() => this.resync());
      return;
    }
    if (event.origin === this.options.feed?.instanceId) return;
    this.logger.info({ targetKind: event.targetKind, targetId: event.targetId, revisionId: event.revisionId }, 'published on another instance; refreshing');
    void this.queueRefresh(() => this.refreshTarget(event.targetKind, event.targetId));
  }

  private queueRefresh(run: () => Promise<void>): Promise<void> {
    const next = this.refreshing.then(run).catch((error: unknown) => {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'refresh from another instance failed');
    });
    this.refreshing = next;
    return next;
  }

  private async reindex(reason: string): Promise<void> {
    if (!this.reindexer) {
      this.reindexPending = true;
      return;
    }
    this.reindexPending = false;
    const result = await this.reindexer(this.entries());
    this.logger.info({ reason, changed: result.changed.length, removed: result.removed.length, ms: result.ms }, 're-indexed');
  }

  /** Tells the other instances; a failure is logged only: the publish stands, and they catch up on their next resync. */
  private async announce(revision: Revision): Promise<void> {
    const feed = this.options.feed;
    if (!feed) return;
    try {
      await feed.notify({ targetKind: revision.targetKind, targetId: revision.targetId, revisionId: revision.id });
    } catch (error) {
      this.logger.error({ targetId: revision.targetId, reason: error instanceof Error ? error.message : String(error) }, 'could not tell the other instances about a publish');
    }
  }
}
