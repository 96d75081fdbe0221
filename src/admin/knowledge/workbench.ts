import { KnowledgeInForce, type KnowledgeInForceOptions, type Reindexer, type ReindexResult } from '../../knowledge/in-force/knowledge-in-force.js';
import { WARD_TARGET_ID } from '../../knowledge/in-force/targets.js';
import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { Situation } from '../../knowledge/situation-schema.js';
import { detectLanguage, foldForMatch } from '../../text/index.js';
import { noBaselineError, notFoundError, personalAccountRequiredError, revisionNotPublishedError, staleRevisionError } from '../../shared/errors.js';
import { isStorageError } from '../../storage/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { Revision, RevisionTarget, Storage, StorageTx } from '../../storage/types.js';
import { actorFields } from '../auth/accounts.js';
import type { Actor } from '../auth/roles.js';
import { diffContent, type FieldChange } from './diff.js';
import { optional } from './optional.js';
import type { SituationSummary } from './situations.js';
import { validateContent } from './validate-content.js';
import {
  contentOf,
  describeRevisionView,
  describeTarget,
  listDraftViews,
  listEntryViews,
  listSituationViews,
  type EntryListQuery,
  type EntrySummary,
  type RevisionSummary,
  type TargetView,
  type ViewSources,
} from './views.js';

export type { Reindexer, ReindexResult } from '../../knowledge/in-force/knowledge-in-force.js';
export type { EntryListQuery, EntrySummary, RevisionSummary, TargetView } from './views.js';
import type { PublishOutcome } from '../api/wire.js';
export type { PublishOutcome } from '../api/wire.js';

/**
 * The workbench edits the knowledge in force that main.ts built and hands to the chat too; tools and tests that
 * need only the workbench may give the shipped files instead, and it opens its own knowledge in force over them.
 */
export type WorkbenchOptions = { storage: Storage; logger: Logger; now?: () => Date } & ({ knowledge: KnowledgeInForce } | KnowledgeInForceOptions);

export interface DraftInput {
  content: unknown;
  /** The published revision the official started from (null/undefined = the shipped file). */
  baseRevisionId?: string | null | undefined;
  note?: string | undefined;
}

/**
 * The officials' editing of the knowledge base (docs/decisions.md, "Who owns the knowledge"): drafts, review, publish, rollback and the
 * history, each change audited. What is in force — and its re-index and sync between instances — is the
 * KnowledgeInForce it edits (src/knowledge/in-force/); the screens' view models are built in ./views.ts.
 */
export class KnowledgeWorkbench {
  private readonly storage: Storage;
  private readonly now: () => Date;
  private readonly sources: ViewSources;

  private constructor(
    readonly knowledge: KnowledgeInForce,
    options: WorkbenchOptions,
  ) {
    this.storage = options.storage;
    this.now = options.now ?? (() => new Date());
    this.sources = { knowledge, storage: options.storage };
  }

  /** Opens the workbench over the knowledge in force (opening one over the shipped files when none is given). */
  static async open(options: WorkbenchOptions): Promise<KnowledgeWorkbench> {
    const knowledge = 'knowledge' in options ? options.knowledge : await KnowledgeInForce.open(options);
    return new KnowledgeWorkbench(knowledge, options);
  }

  /** Stops the knowledge in force listening to the other instances (shutdown). */
  close(): void {
    this.knowledge.close();
  }

  /** Re-reads one target's revision in force and re-indexes (KnowledgeInForce.refreshTarget). */
  refreshTarget(kind: RevisionTarget, targetId: string): Promise<void> {
    return this.knowledge.refreshTarget(kind, targetId);
  }

  /** Called once retrieval is up: publishing then re-indexes the entry at once. */
  setReindexer(reindexer: Reindexer | undefined): void {
    this.knowledge.setReindexer(reindexer);
  }

  /** Every entry as citizens get it now. */
  entries(): Entry[] {
    return this.knowledge.entries();
  }

  /** One entry as citizens get it now. */
  entry(id: string): Entry | undefined {
    return this.knowledge.entry(id);
  }

  /** The ward settings in force. */
  ward(): WardSettings | undefined {
    return this.knowledge.ward();
  }

  /** The life situations citizens get now. */
  situations(): Situation[] {
    return this.knowledge.situations();
  }

  /** One life situation as citizens get it now. */
  situation(id: string): Situation | undefined {
    return this.knowledge.situation(id);
  }

  /** Situations for the workbench list, by Vietnamese title. */
  listSituations(): Promise<SituationSummary[]> {
    return listSituationViews(this.sources);
  }

  /** A situation with its shipped version, the revision in force, the open draft and the history. */
  async describeSituation(id: string): Promise<TargetView<Situation>> {
    const current = this.situation(id);
    if (!current) throw notFoundError('Không tìm thấy tình huống này.');
    return describeTarget(this.sources, 'situation', id, current, this.knowledge.baselineOf('situation', id) as Situation | undefined);
  }

  /** Entries for the workbench list: search by id, code, title or alias, with or without diacritics. */
  listEntries(query: EntryListQuery): Promise<{ total: number; entries: EntrySummary[] }> {
    return listEntryViews(this.sources, query);
  }

  /** An entry with its shipped version, the revision in force, the open draft and the history. */
  async describeEntry(id: string): Promise<TargetView<Entry>> {
    const current = this.entry(id);
    if (!current) throw notFoundError('Không tìm thấy thủ tục này.');
    return describeTarget(this.sources, 'entry', id, current, this.knowledge.baselineOf('entry', id) as Entry | undefined);
  }

  async describeWard(): Promise<TargetView<WardSettings>> {
    return describeTarget(this.sources, 'ward-settings', WARD_TARGET_ID, this.ward(), this.knowledge.baselineOf('ward-settings', WARD_TARGET_ID) as WardSettings | undefined);
  }

  /** A revision with the field-level difference from what it was based on. */
  describeRevision(id: string): Promise<{ revision: Revision & RevisionSummary; diff: FieldChange[]; title: string }> {
    return describeRevisionView(this.sources, id);
  }

  /** Open drafts of every target, oldest first, with what they change. */
  listDrafts(): Promise<(RevisionSummary & { title: string; changes: number })[]> {
    return listDraftViews(this.sources);
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
    const before = await contentOf(this.sources, kind, targetId, baseRevisionId);
    return { revision, diff: diffContent(before, content) };
  }

  /** Publishes a draft: it is in force for the next citizen, and the entry is re-indexed without a restart. */
  async publish(revisionId: string, actor: Actor): Promise<PublishOutcome> {
    const draft = await this.storage.revisions.get(revisionId);
    if (!draft) throw notFoundError('Không tìm thấy phiên bản này.');
    const before = this.knowledge.currentOf(draft.targetKind, draft.targetId);
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
      if (!this.knowledge.baselineOf(kind, targetId)) throw noBaselineError();
      content = null;
    } else {
      const target = await this.storage.revisions.get(input.to);
      if (!target || target.targetKind !== kind || target.targetId !== targetId) throw notFoundError('Không tìm thấy phiên bản cần khôi phục.');
      if (target.status !== 'published') throw revisionNotPublishedError();
      content = target.content;
    }
    const before = this.knowledge.currentOf(kind, targetId);
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
    const baseRevisionId = this.knowledge.revisionIdOf('entry', current.id);
    const before = this.knowledge.currentOf('entry', current.id);
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

  /** Lays the publish over the knowledge in force, which tells the other instances and re-indexes an entry. */
  private async afterPublish(revision: Revision): Promise<PublishOutcome> {
    const reindexed = await this.knowledge.applyPublished(revision);
    return reindexed ? { revision, reindexed } : { revision };
  }

  private async auditPublish(tx: StorageTx, actor: Actor, action: string, revision: Revision, before: unknown): Promise<void> {
    await tx.audit.add({
      ...actorFields(actor),
      action,
      targetKind: revision.targetKind,
      targetId: revision.targetId,
      before,
      after: revision.content ?? this.knowledge.baselineOf(revision.targetKind, revision.targetId) ?? null,
    });
  }

  /** Adds the newer published content to a 409, so the client can show what changed while keeping the form. */
  private async withStaleDetails<T>(kind: RevisionTarget, targetId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isStorageError(error, 'stale_revision')) throw error;
      const latest = await this.storage.revisions.currentPublished(kind, targetId);
      if (latest) this.knowledge.applyRevision(latest);
      throw staleRevisionError({ current: { revisionId: latest?.id ?? null, content: this.knowledge.currentOf(kind, targetId) ?? null } });
    }
  }

  private validate(kind: RevisionTarget, targetId: string, content: unknown): Entry | WardSettings | Situation {
    return validateContent(this.knowledge, this.now, kind, targetId, content);
  }
}

/** Knowledge changes must be signed by a person: the ADMIN_TOKEN (a script) may not author or publish them. */
function personalId(actor: Actor): string {
  if (!actor.officialId) {
    throw personalAccountRequiredError();
  }
  return actor.officialId;
}
