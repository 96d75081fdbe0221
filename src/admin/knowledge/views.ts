import type { KnowledgeInForce } from '../../knowledge/in-force/knowledge-in-force.js';
import { isCatalogueEntry, type Entry } from '../../knowledge/schema.js';
import { findNationalCodes } from '../../retrieval/search/code-lookup.js';
import { notFoundError } from '../../shared/errors.js';
import type { Revision, RevisionTarget, Storage } from '../../storage/types.js';
import { foldForMatch } from '../../text/index.js';
import { diffContent, type FieldChange } from './diff.js';
import { optional } from './optional.js';
import { summarizeSituation, type SituationSummary } from './situations.js';
import type { EntrySummary, RevisionSummary, TargetView } from '../api/wire.js';

export type { EntrySummary, RevisionSummary, TargetView };

/** What the officials' screens are built from: the knowledge in force, the revisions and the officials' names. */
export interface ViewSources {
  knowledge: KnowledgeInForce;
  storage: Storage;
}

export interface EntryListQuery {
  q?: string | undefined;
  kind?: 'curated' | 'catalogue' | undefined;
  edited?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}




/** Entries for the workbench list: search by id, code, title or alias, with or without diacritics. */
export async function listEntryViews({ knowledge, storage }: ViewSources, query: EntryListQuery): Promise<{ total: number; entries: EntrySummary[] }> {
  const drafts = new Set((await storage.revisions.listDrafts()).filter((r) => r.targetKind === 'entry').map((r) => r.targetId));
  const needle = query.q ? foldForMatch(query.q) : '';
  // "thủ tục 1.001193" or "1.004194, 1.004222": a typed national code finds its entries whatever the words around it.
  const codes = query.q ? findNationalCodes(query.q) : [];
  const matches = knowledge.entries().filter((entry) => {
    if (query.kind && (query.kind === 'catalogue') !== isCatalogueEntry(entry)) return false;
    if (query.edited !== undefined && query.edited !== knowledge.isEdited('entry', entry.id)) return false;
    if (!needle) return true;
    if (codes.length > 0) return entry.codes.some((code) => codes.includes(code));
    const haystack = [entry.id, ...entry.codes, entry.title.vi, entry.title.en ?? '', ...entry.aliases.vi, ...entry.aliases.en];
    return haystack.some((text) => foldForMatch(text).includes(needle));
  });
  // Curated entries first: they are what officials edit most.
  matches.sort((a, b) => Number(isCatalogueEntry(a)) - Number(isCatalogueEntry(b)) || a.title.vi.localeCompare(b.title.vi, 'vi'));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  // The same name twice in the list ("Đăng ký tạm trú") is a record and the curated entry that folds it.
  const curatedByCode = new Map<string, string>();
  for (const entry of knowledge.entries()) {
    if (!isCatalogueEntry(entry) && entry.status === 'published') for (const code of entry.codes) if (!curatedByCode.has(code)) curatedByCode.set(code, entry.id);
  }
  const foldedInto = (entry: Entry) => (isCatalogueEntry(entry) ? entry.codes.map((code) => curatedByCode.get(code)).find(Boolean) : undefined);
  return {
    total: matches.length,
    entries: matches.slice(offset, offset + limit).map((entry) => ({
      id: entry.id,
      title: entry.title.vi,
      kind: isCatalogueEntry(entry) ? 'catalogue' : 'curated',
      levels: entry.levels,
      codes: entry.codes,
      verified: entry.verified,
      edited: knowledge.isEdited('entry', entry.id),
      draft: drafts.has(entry.id),
      ...(foldedInto(entry) ? { foldedInto: foldedInto(entry) } : {}),
    })),
  };
}

/** Situations for the workbench list, by Vietnamese title. */
export async function listSituationViews({ knowledge, storage }: ViewSources): Promise<SituationSummary[]> {
  const drafts = new Set((await storage.revisions.listDrafts()).filter((r) => r.targetKind === 'situation').map((r) => r.targetId));
  return knowledge
    .situations()
    .map((situation) => summarizeSituation(situation, { edited: knowledge.isEdited('situation', situation.id), draft: drafts.has(situation.id) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'vi'));
}

/** A target with its shipped version, the revision in force, the open draft and the history. */
export async function describeTarget<T>({ knowledge, storage }: ViewSources, kind: RevisionTarget, targetId: string, current: T | undefined, baseline: T | undefined): Promise<TargetView<T>> {
  const [history, names] = await Promise.all([storage.revisions.listForTarget(kind, targetId), officialNames(storage)]);
  const draft = history.find((revision) => revision.status === 'draft');
  return {
    current,
    baseline,
    currentRevisionId: knowledge.revisionIdOf(kind, targetId) ?? null,
    draft: draft ? { ...summarize(draft, names), content: draft.content } : null,
    revisions: history.map((revision) => summarize(revision, names)),
  };
}

/** A revision with the field-level difference from what it was based on. */
export async function describeRevisionView(sources: ViewSources, id: string): Promise<{ revision: Revision & RevisionSummary; diff: FieldChange[]; title: string }> {
  const { knowledge, storage } = sources;
  const revision = await storage.revisions.get(id);
  if (!revision) throw notFoundError('Không tìm thấy phiên bản này.');
  const names = await officialNames(storage);
  const before = await contentOf(sources, revision.targetKind, revision.targetId, revision.baseRevisionId);
  const after = revision.content ?? knowledge.baselineOf(revision.targetKind, revision.targetId);
  return { revision: { ...revision, ...summarize(revision, names) }, diff: diffContent(before, after), title: titleOf(knowledge, revision.targetKind, revision.targetId) };
}

/** Open drafts of every target, oldest first, with what they change. */
export async function listDraftViews(sources: ViewSources): Promise<(RevisionSummary & { title: string; changes: number })[]> {
  const { knowledge, storage } = sources;
  const names = await officialNames(storage);
  const drafts = await storage.revisions.listDrafts();
  return Promise.all(
    drafts.map(async (draft) => {
      const before = await contentOf(sources, draft.targetKind, draft.targetId, draft.baseRevisionId);
      return { ...summarize(draft, names), title: titleOf(knowledge, draft.targetKind, draft.targetId), changes: diffContent(before, draft.content).length };
    }),
  );
}

/** The content a revision was based on: that revision's, else the shipped file's. */
export async function contentOf({ knowledge, storage }: ViewSources, kind: RevisionTarget, targetId: string, revisionId: string | undefined): Promise<unknown> {
  if (revisionId) {
    const base = await storage.revisions.get(revisionId);
    if (base?.content) return base.content;
  }
  return knowledge.baselineOf(kind, targetId);
}

function titleOf(knowledge: KnowledgeInForce, kind: RevisionTarget, targetId: string): string {
  if (kind === 'situation') return knowledge.situation(targetId)?.title.vi ?? targetId;
  return kind === 'entry' ? (knowledge.entry(targetId)?.title.vi ?? targetId) : 'Thông tin của phường';
}

async function officialNames(storage: Storage): Promise<Map<string, string>> {
  return new Map((await storage.officials.list()).map((o) => [o.id, o.displayName]));
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
