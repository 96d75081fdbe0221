import { isCatalogueEntry, type Entry, type WardSettings } from '../../knowledge/schema.js';
import type { Situation } from '../../knowledge/situation-schema.js';
import { findNationalCodes } from '../../retrieval/search/code-lookup.js';
import { detectLanguage, foldForMatch } from '../../text/index.js';
import { AppError, notFoundError, staleRevisionError, validationError } from '../../shared/errors.js';
import { isStorageError } from '../../storage/errors.js';
import type { Logger } from '../../shared/logger.js';
import { wardDayOf } from '../../shared/ward-time.js';
import { toFieldErrors, VIETNAMESE } from '../../shared/zod-errors.js';
import type { Revision, RevisionTarget, Storage, StorageTx } from '../../storage/types.js';
import { actorFields } from '../auth/accounts.js';
import type { Actor } from '../auth/roles.js';
import { diffContent, type FieldChange } from './diff.js';
import type { KnowledgeFeed, KnowledgeFeedEvent } from './feed.js';
import { situationContentErrors, summarizeSituation, type SituationSummary } from './situations.js';
import { schemaFor, WARD_TARGET_ID } from './targets.js';
import type { EntrySummary, PublishOutcome, ReindexResult, RevisionSummary, TargetView } from '../api/wire.js';

export type { EntrySummary, PublishOutcome, ReindexResult, RevisionSummary, TargetView };

export type Reindexer = (entries: Entry[]) => Promise<ReindexResult>;

export interface WorkbenchOptions {
  storage: Storage;
  /** The shipped files (knowledge/ and the ward settings file). */
  baselineEntries: Entry[];
  baselineWard: WardSettings | undefined;
  /** The shipped life situations (knowledge/situations/). */
  baselineSituations?: Situation[] | undefined;
  logger: Logger;
  now?: () => Date;
  /**
   * Where publishes are announced to the other instances sharing the database, and theirs heard (DESIGN.md,
   * "Beyond one machine"); none for a single instance.
   */
  feed?: KnowledgeFeed | undefined;
}

export interface DraftInput {
  content: unknown;
  /** The published revision the official started from (null/undefined = the shipped file). */
  baseRevisionId?: string | null | undefined;
  note?: string | undefined;
}

export interface EntryListQuery {
  q?: string | undefined;
  kind?: 'curated' | 'catalogue' | undefined;
  edited?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

interface Overlay<T> {
  revisionId: string;
  /** null = the shipped file is back in force (a rollback to the baseline). */
  content: T | null;
}

/**
 * The officials' view of the knowledge base: the shipped files with the published revisions from the database laid
 * over them (DESIGN.md, "Knowledge"), drafts, review, rollback and the live re-index after each publish.
 */
export class KnowledgeWorkbench {
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
  private readonly storage: Storage;
  private readonly logger: Logger;
  private readonly now: () => Date;

  private constructor(private readonly options: WorkbenchOptions) {
    this.storage = options.storage;
    this.logger = options.logger.child({ module: 'workbench' });
    this.now = options.now ?? (() => new Date());
    this.baseline = new Map(options.baselineEntries.map((entry) => [entry.id, entry]));
    this.situationBaseline = new Map((options.baselineSituations ?? []).map((situation) => [situation.id, situation]));
  }

  /** Loads the published revisions; one that no longer fits the schema (after an upgrade) is skipped with an error log. */
  static async open(options: WorkbenchOptions): Promise<KnowledgeWorkbench> {
    const workbench = new KnowledgeWorkbench(options);
    // Subscribed before the first read, so a publish elsewhere during start-up is not lost between the two.
    if (options.feed) workbench.unsubscribe = options.feed.subscribe((event) => workbench.onFeedEvent(event));
    await workbench.reload();
    return workbench;
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

  /** Situations for the workbench list, by Vietnamese title. */
  async listSituations(): Promise<SituationSummary[]> {
    const drafts = new Set((await this.storage.revisions.listDrafts()).filter((r) => r.targetKind === 'situation').map((r) => r.targetId));
    return this.situations()
      .map((situation) => summarizeSituation(situation, { edited: Boolean(this.situationOverlay.get(situation.id)?.content), draft: drafts.has(situation.id) }))
      .sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  }

  /** A situation with its shipped version, the revision in force, the open draft and the history. */
  async describeSituation(id: string): Promise<TargetView<Situation>> {
    const current = this.situation(id);
    if (!current) throw notFoundError('Không tìm thấy tình huống này.');
    return this.describe('situation', id, current, this.situationBaseline.get(id));
  }

  /** Entries for the workbench list: search by id, code, title or alias, with or without diacritics. */
  async listEntries(query: EntryListQuery): Promise<{ total: number; entries: EntrySummary[] }> {
    const drafts = new Set((await this.storage.revisions.listDrafts()).filter((r) => r.targetKind === 'entry').map((r) => r.targetId));
    const needle = query.q ? foldForMatch(query.q) : '';
    // "thủ tục 1.001193" or "1.004194, 1.004222": a typed national code finds its entries whatever the words around it.
    const codes = query.q ? findNationalCodes(query.q) : [];
    const matches = this.entries().filter((entry) => {
      if (query.kind && (query.kind === 'catalogue') !== isCatalogueEntry(entry)) return false;
      if (query.edited !== undefined && query.edited !== this.isEdited(entry.id)) return false;
      if (!needle) return true;
      if (codes.length > 0) return entry.codes.some((code) => codes.includes(code));
      const haystack = [entry.id, ...entry.codes, entry.title.vi, entry.title.en ?? '', ...entry.aliases.vi, ...entry.aliases.en];
      return haystack.some((text) => foldForMatch(text).includes(needle));
    });
    // Curated entries first: they are what officials edit most.
    matches.sort((a, b) => Number(isCatalogueEntry(a)) - Number(isCatalogueEntry(b)) || a.title.vi.localeCompare(b.title.vi, 'vi'));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return {
      total: matches.length,
      entries: matches.slice(offset, offset + limit).map((entry) => ({
        id: entry.id,
        title: entry.title.vi,
        kind: isCatalogueEntry(entry) ? 'catalogue' : 'curated',
        levels: entry.levels,
        codes: entry.codes,
        verified: entry.verified,
        edited: this.isEdited(entry.id),
        draft: drafts.has(entry.id),
      })),
    };
  }

  /** An entry with its shipped version, the revision in force, the open draft and the history. */
  async describeEntry(id: string): Promise<TargetView<Entry>> {
    const current = this.entry(id);
    if (!current) throw notFoundError('Không tìm thấy thủ tục này.');
    return this.describe('entry', id, current, this.baseline.get(id));
  }

  async describeWard(): Promise<TargetView<WardSettings>> {
    return this.describe('ward-settings', WARD_TARGET_ID, this.ward(), this.options.baselineWard);
  }

  /** A revision with the field-level difference from what it was based on. */
  async describeRevision(id: string): Promise<{ revision: Revision & RevisionSummary; diff: FieldChange[]; title: string }> {
    const revision = await this.storage.revisions.get(id);
    if (!revision) throw notFoundError('Không tìm thấy phiên bản này.');
    const names = await this.officialNames();
    const before = await this.contentOf(revision.targetKind, revision.targetId, revision.baseRevisionId);
    const after = revision.content ?? this.baselineOf(revision.targetKind, revision.targetId);
    return { revision: { ...revision, ...summarize(revision, names) }, diff: diffContent(before, after), title: this.titleOf(revision.targetKind, revision.targetId) };
  }

  /** Open drafts of every target, oldest first, with what they change. */
  async listDrafts(): Promise<(RevisionSummary & { title: string; changes: number })[]> {
    const names = await this.officialNames();
    const drafts = await this.storage.revisions.listDrafts();
    return Promise.all(
      drafts.map(async (draft) => {
        const before = await this.contentOf(draft.targetKind, draft.targetId, draft.baseRevisionId);
        return { ...summarize(draft, names), title: this.titleOf(draft.targetKind, draft.targetId), changes: diffContent(before, draft.content).length };
      }),
    );
  }

  /**
   * Saves an edit as a draft after checking it against the schema. 409 `stale_revision` (with the newer content) when
   * someone published after the official started: nothing is saved and the client keeps what was typed.
   */
  async saveDraft(kind: RevisionTarget, targetId: string, input: DraftInput, actor: Actor): Promise<{ revision: Revision; diff: FieldChange[] }> {
    const content = this.validate(kind, targetId, input.content);
    const baseRevisionId = input.baseRevisionId ?? undefined;
    const revision = await this.withStaleDetails(kind, targetId, () =>
      this.storage.transaction(async (tx) => {
        const draft = await tx.revisions.createDraft({ targetKind: kind, targetId, content, authorId: personalId(actor), ...optional({ baseRevisionId, note: input.note }) });
        await tx.audit.add({ ...actorFields(actor), action: 'revision.draft', targetKind: kind, targetId, after: { revisionId: draft.id, number: draft.number, note: draft.note } });
        return draft;
      }),
    );
    const before = await this.contentOf(kind, targetId, baseRevisionId);
    return { revision, diff: diffContent(before, content) };
  }

  /** Publishes a draft: it is in force for the next citizen, and the entry is re-indexed without a restart. */
  async publish(revisionId: string, actor: Actor): Promise<PublishOutcome> {
    const draft = await this.storage.revisions.get(revisionId);
    if (!draft) throw notFoundError('Không tìm thấy phiên bản này.');
    const before = this.currentOf(draft.targetKind, draft.targetId);
    const revision = await this.withStaleDetails(draft.targetKind, draft.targetId, () =>
      this.storage.transaction(async (tx) => {
        const published = await tx.revisions.publish(revisionId, personalId(actor));
        await this.auditPublish(tx, actor, 'revision.publish', published, before);
        return published;
      }),
    );
    return this.afterPublish(revision);
  }

  /** Throws a draft away (kept in the history as discarded). */
  async discard(revisionId: string, actor: Actor): Promise<Revision> {
    return this.storage.transaction(async (tx) => {
      const revision = await tx.revisions.discard(revisionId);
      await tx.audit.add({ ...actorFields(actor), action: 'revision.discard', targetKind: revision.targetKind, targetId: revision.targetId, after: { revisionId, number: revision.number } });
      return revision;
    });
  }

  /** Restores an earlier published revision (or the shipped file) as a new revision, published at once. */
  async rollback(kind: RevisionTarget, targetId: string, input: { to: string; baseRevisionId?: string | null | undefined; note?: string | undefined }, actor: Actor): Promise<PublishOutcome> {
    let content: unknown;
    if (input.to === 'baseline') {
      if (!this.baselineOf(kind, targetId)) throw new AppError({ status: 409, code: 'no_baseline', message: 'Nội dung này không có bản gốc trong bộ dữ liệu đi kèm.' });
      content = null;
    } else {
      const target = await this.storage.revisions.get(input.to);
      if (!target || target.targetKind !== kind || target.targetId !== targetId) throw notFoundError('Không tìm thấy phiên bản cần khôi phục.');
      if (target.status !== 'published') throw new AppError({ status: 409, code: 'revision_not_published', message: 'Chỉ khôi phục được phiên bản đã từng xuất bản.' });
      content = target.content;
    }
    const before = this.currentOf(kind, targetId);
    const baseRevisionId = input.baseRevisionId ?? undefined;
    const revision = await this.withStaleDetails(kind, targetId, () =>
      this.storage.transaction(async (tx) => {
        const draft = await tx.revisions.createDraft({ targetKind: kind, targetId, content, authorId: personalId(actor), restoresRevisionId: input.to, ...optional({ baseRevisionId, note: input.note }) });
        const published = await tx.revisions.publish(draft.id, personalId(actor));
        await this.auditPublish(tx, actor, 'revision.rollback', published, before);
        return published;
      }),
    );
    return this.afterPublish(revision);
  }

  /**
   * Adds questions from the gaps inbox to an entry's aliases (by language), as a draft or published at once, and
   * marks those gaps attached — in one transaction.
   */
  async attachAliases(input: { entryId: string; aliases: string[]; gapIds: string[]; publish: boolean }, actor: Actor): Promise<PublishOutcome & { published: boolean }> {
    const current = this.entry(input.entryId);
    if (!current) throw notFoundError('Không tìm thấy thủ tục này.');
    const known = new Set([...current.aliases.vi, ...current.aliases.en, current.title.vi].map(foldForMatch));
    const aliases = { vi: [...current.aliases.vi], en: [...current.aliases.en] };
    for (const alias of input.aliases.map((a) => a.trim()).filter(Boolean)) {
      if (known.has(foldForMatch(alias))) continue;
      known.add(foldForMatch(alias));
      aliases[detectLanguage(alias)].push(alias);
    }
    const content = this.validate('entry', current.id, { ...current, aliases });
    const baseRevisionId = this.overlay.get(current.id)?.revisionId;
    const before = this.currentOf('entry', current.id);
    const revision = await this.withStaleDetails('entry', current.id, () =>
      this.storage.transaction(async (tx) => {
        const draft = await tx.revisions.createDraft({ targetKind: 'entry', targetId: current.id, content, authorId: personalId(actor), note: 'Thêm cách gọi từ hộp câu hỏi chưa trả lời được', ...optional({ baseRevisionId }) });
        for (const id of input.gapIds) await tx.gaps.setStatus(id, 'attached');
        await tx.audit.add({ ...actorFields(actor), action: 'gaps.attach', targetKind: 'entry', targetId: current.id, after: { revisionId: draft.id, aliases: input.aliases, gapIds: input.gapIds } });
        if (!input.publish) return draft;
        const published = await tx.revisions.publish(draft.id, personalId(actor));
        await this.auditPublish(tx, actor, 'revision.publish', published, before);
        return published;
      }),
    );
    if (!input.publish) return { revision, published: false };
    return { ...(await this.afterPublish(revision)), published: true };
  }

  private async describe<T>(kind: RevisionTarget, targetId: string, current: T | undefined, baseline: T | undefined): Promise<TargetView<T>> {
    const [history, names] = await Promise.all([this.storage.revisions.listForTarget(kind, targetId), this.officialNames()]);
    const draft = history.find((revision) => revision.status === 'draft');
    return {
      current,
      baseline,
      currentRevisionId: this.overlayOf(kind, targetId)?.revisionId ?? null,
      draft: draft ? { ...summarize(draft, names), content: draft.content } : null,
      revisions: history.map((revision) => summarize(revision, names)),
    };
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

  private async afterPublish(revision: Revision): Promise<PublishOutcome> {
    this.applyRevision(revision);
    await this.announce(revision);
    if (revision.targetKind !== 'entry') return { revision };
    if (!this.reindexer) return { revision };
    try {
      return { revision, reindexed: await this.reindexer(this.entries()) };
    } catch (error) {
      // Published is published: the database holds it and the next start indexes it; say so instead of failing.
      this.logger.error({ targetId: revision.targetId, reason: error instanceof Error ? error.message : String(error) }, 're-index after publish failed');
      return { revision, reindexed: { error: 'Đã xuất bản nhưng chưa cập nhật được chỉ mục tìm kiếm; khởi động lại dịch vụ sẽ cập nhật.' } };
    }
  }

  private applyRevision(revision: Revision): void {
    const parsed = revision.content === null ? { success: true as const, data: null } : schemaFor(revision.targetKind).safeParse(revision.content);
    if (!parsed.success) {
      this.logger.error({ targetKind: revision.targetKind, targetId: revision.targetId, revisionId: revision.id }, 'published revision no longer fits the schema; the shipped file is used');
      return;
    }
    if (revision.targetKind === 'entry') this.overlay.set(revision.targetId, { revisionId: revision.id, content: parsed.data as Entry | null });
    else if (revision.targetKind === 'situation') this.situationOverlay.set(revision.targetId, { revisionId: revision.id, content: parsed.data as Situation | null });
    else this.wardOverlay = { revisionId: revision.id, content: parsed.data as WardSettings | null };
  }

  private async auditPublish(tx: StorageTx, actor: Actor, action: string, revision: Revision, before: unknown): Promise<void> {
    await tx.audit.add({
      ...actorFields(actor),
      action,
      targetKind: revision.targetKind,
      targetId: revision.targetId,
      before,
      after: revision.content ?? this.baselineOf(revision.targetKind, revision.targetId) ?? null,
    });
  }

  /** Adds the newer published content to a 409, so the client can show what changed while keeping the form. */
  private async withStaleDetails<T>(kind: RevisionTarget, targetId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isStorageError(error, 'stale_revision')) throw error;
      const latest = await this.storage.revisions.currentPublished(kind, targetId);
      if (latest) this.applyRevision(latest);
      throw staleRevisionError({ current: { revisionId: latest?.id ?? null, content: this.currentOf(kind, targetId) ?? null } });
    }
  }

  private validate(kind: RevisionTarget, targetId: string, content: unknown): Entry | WardSettings | Situation {
    if (kind === 'situation') return this.validateSituation(targetId, content);
    const today = wardDayOf(this.now());
    const stamped = typeof content === 'object' && content !== null && !Array.isArray(content) ? { ...content, updatedAt: today } : content;
    // Settings an official publishes are the ward's real ones, never the shipped example.
    if (kind === 'ward-settings' && typeof stamped === 'object' && stamped !== null) Object.assign(stamped, { example: false });
    const parsed = schemaFor(kind).safeParse(stamped, VIETNAMESE);
    if (!parsed.success) {
      throw validationError(toFieldErrors(parsed.error, 'vi').map((e) => ({ ...e, field: e.field ? `content.${e.field}` : 'content' })), 'Nội dung chưa hợp lệ, vui lòng sửa các mục được đánh dấu.');
    }
    if (kind === 'entry' && (parsed.data as Entry).id !== targetId) throw validationError([{ field: 'content.id', message: `Mã thủ tục phải là ${targetId}.` }]);
    if (kind === 'entry' && !this.entry(targetId)) throw notFoundError('Không tìm thấy thủ tục này.');
    return parsed.data;
  }

  /** A situation keeps its id and lists only procedures citizens can open now (a situation has no updatedAt). */
  private validateSituation(targetId: string, content: unknown): Situation {
    if (!this.situation(targetId)) throw notFoundError('Không tìm thấy tình huống này.');
    const parsed = schemaFor('situation').safeParse(content, VIETNAMESE);
    const errors = parsed.success ? situationContentErrors(parsed.data as Situation, targetId, this.entries()) : toFieldErrors(parsed.error, 'vi');
    if (errors.length > 0) {
      throw validationError(errors.map((e) => ({ ...e, field: e.field ? `content.${e.field}` : 'content' })), 'Nội dung chưa hợp lệ, vui lòng sửa các mục được đánh dấu.');
    }
    return parsed.data as Situation;
  }

  private overlayOf(kind: RevisionTarget, targetId: string): Overlay<unknown> | undefined {
    if (kind === 'entry') return this.overlay.get(targetId);
    if (kind === 'situation') return this.situationOverlay.get(targetId);
    return this.wardOverlay;
  }

  private async contentOf(kind: RevisionTarget, targetId: string, revisionId: string | undefined): Promise<unknown> {
    if (revisionId) {
      const base = await this.storage.revisions.get(revisionId);
      if (base?.content) return base.content;
    }
    return this.baselineOf(kind, targetId);
  }

  private currentOf(kind: RevisionTarget, targetId: string): unknown {
    if (kind === 'situation') return this.situation(targetId);
    return kind === 'entry' ? this.entry(targetId) : this.ward();
  }

  private baselineOf(kind: RevisionTarget, targetId: string): unknown {
    if (kind === 'situation') return this.situationBaseline.get(targetId);
    return kind === 'entry' ? this.baseline.get(targetId) : this.options.baselineWard;
  }

  private titleOf(kind: RevisionTarget, targetId: string): string {
    if (kind === 'situation') return this.situation(targetId)?.title.vi ?? targetId;
    return kind === 'entry' ? (this.entry(targetId)?.title.vi ?? targetId) : 'Thông tin của phường';
  }

  private isEdited(id: string): boolean {
    return Boolean(this.overlay.get(id)?.content);
  }

  private async officialNames(): Promise<Map<string, string>> {
    return new Map((await this.storage.officials.list()).map((o) => [o.id, o.displayName]));
  }
}

function summarize(revision: Revision, names: Map<string, string>): RevisionSummary {
  return {
    id: revision.id,
    targetKind: revision.targetKind,
    targetId: revision.targetId,
    number: revision.number,
    status: revision.status,
    authorName: names.get(revision.authorId) ?? revision.authorId,
    createdAt: revision.createdAt,
    ...optional({
      note: revision.note,
      publishedByName: revision.publishedBy ? (names.get(revision.publishedBy) ?? revision.publishedBy) : undefined,
      publishedAt: revision.publishedAt,
      restoresRevisionId: revision.restoresRevisionId,
      baseRevisionId: revision.baseRevisionId,
    }),
  };
}

/** Knowledge changes must be signed by a person: the ADMIN_TOKEN (a script) may not author or publish them. */
function personalId(actor: Actor): string {
  if (!actor.officialId) {
    throw new AppError({ status: 403, code: 'personal_account_required', message: 'Sửa nội dung cần đăng nhập bằng tài khoản cá nhân của cán bộ.' });
  }
  return actor.officialId;
}

/** Drops undefined values (exactOptionalPropertyTypes). */
function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
