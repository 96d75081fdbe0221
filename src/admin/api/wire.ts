/**
 * The officials' API as it goes over the wire (docs/admin-api.md): the bodies `/admin/api` answers with, as the
 * server routes build them, and `Json<...>` of them as the workbench (kiosk-ui/src/workbench/) receives them.
 * Types only, no code: the workbench type-imports this file, so nothing of the server enters its bundle and the two
 * sides cannot drift apart (docs/decisions.md, "One contract between server and UI").
 */
import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { Situation } from '../../knowledge/situation-schema.js';
import type { AuditEvent, CallbackRequest, Dossier, Official, OfficialRole, Rating, Revision, RevisionTarget, Ticket } from '../../storage/types.js';
import type { GapGroup } from '../gaps/group-gaps.js';
import type { FieldChange } from '../knowledge/diff.js';
import type { SituationSummary } from '../knowledge/situations.js';
import type { UsageReport } from '../stats/usage-report.js';
import type { ReindexResult } from '../../knowledge/in-force/knowledge-in-force.js';

/** What `JSON.stringify` makes of a value the server builds: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type Role = OfficialRole;
export type { FieldChange, GapGroup, SituationSummary };

/** An official as the log-in and `GET /session` show them; `id` is null for the ADMIN_TOKEN actor. */
export interface OfficialInfo {
  id: string | null;
  username: string;
  displayName: string;
  role: OfficialRole;
}

/** `POST /login` and `GET /session`: who is logged in and the CSRF token to send back (null for ADMIN_TOKEN). */
export interface SessionBody {
  official: OfficialInfo;
  csrfToken: string | null;
}

/** A row of the entries list. */
export interface EntrySummary {
  id: string;
  title: string;
  kind: 'curated' | 'catalogue';
  levels: string[];
  codes: string[];
  verified: boolean;
  /** A published revision overrides the shipped file. */
  edited: boolean;
  /** A draft waits for review. */
  draft: boolean;
  /** A catalogue record answered through the curated entry that lists its code (not searchable on its own). */
  foldedInto?: string;
}

/** `GET /knowledge/entries`: one page of the list and how many match. */
export interface EntryListBody {
  total: number;
  entries: EntrySummary[];
}

/** A revision in a target's history, with the officials' names instead of their ids. */
export interface RevisionSummary {
  id: string;
  targetKind: RevisionTarget;
  targetId: string;
  number: number;
  status: Revision['status'];
  note?: string;
  authorName: string;
  createdAt: Date;
  publishedByName?: string;
  publishedAt?: Date;
  restoresRevisionId?: string;
  baseRevisionId?: string;
}

/** The open draft of a target, with its content. */
export type DraftView = RevisionSummary & { content: unknown };

/** What the workbench knows of one target: the content in force, the shipped file, the open draft, the history. */
export interface TargetView<T> {
  current: T | undefined;
  baseline: T | undefined;
  currentRevisionId: string | null;
  draft: DraftView | null;
  revisions: RevisionSummary[];
}

/** The parts of every target page's answer besides the content itself. */
export interface TargetBody<T> {
  baseline: T | null;
  currentRevisionId: string | null;
  draft: DraftView | null;
  revisions: RevisionSummary[];
}

/** `GET /knowledge/entries/:id`. */
export type EntryBody = TargetBody<Entry> & { entry: Entry | undefined };
/** `GET /knowledge/situations/:id`. */
export type SituationBody = TargetBody<Situation> & { situation: Situation | undefined };
/** `GET /ward-settings`. */
export type WardSettingsBody = TargetBody<WardSettings> & { settings: WardSettings | null };

/** `GET /knowledge/situations`. */
export interface SituationListBody {
  situations: SituationSummary[];
}

/** What re-indexing after a publish reports (RetrievalRuntime.applyEntries). */
export type { ReindexResult };

/** `POST /revisions/:id/publish` and the rollbacks: the revision in force and the re-index (or why it failed). */
export interface PublishOutcome {
  revision: Revision;
  reindexed?: ReindexResult | { error: string };
}

/** `POST /gaps/attach`: a publish outcome, and whether it was published or saved as a draft. */
export type AttachBody = PublishOutcome & { published: boolean };

/** `POST .../drafts`: the saved draft and what it changes. */
export interface SavedDraftBody {
  revision: Revision;
  diff: FieldChange[];
}

/** `GET /revisions/:id`: the revision, what it changes from its base, and its target's title. */
export interface RevisionDetailBody {
  revision: Revision & RevisionSummary;
  diff: FieldChange[];
  title: string;
}

/** A draft in the review queue: its target's title and how many fields it changes. */
export type DraftSummary = RevisionSummary & { title: string; changes: number };

/** `GET /revisions?status=draft`. */
export interface DraftListBody {
  revisions: DraftSummary[];
}

/** `POST /revisions/:id/discard`. */
export interface DiscardBody {
  revision: Revision;
}

/** A group of the gaps inbox with the suggested entries' titles. */
export type GapGroupView = Omit<GapGroup, 'suggestions'> & { suggestions: { id: string; title: string }[] };

/** `GET /gaps/groups`. */
export interface GapGroupsBody {
  groups: GapGroupView[];
}

/** A citizen's rating with what the rated answer cited (never the answer's text, which may echo personal data). */
export interface FeedbackRow {
  id: string;
  rating: Rating;
  comment?: string;
  createdAt: Date;
  kind: string | null;
  citations: { id: string; title: string }[];
}

/** `GET /feedback`. */
export interface FeedbackBody {
  feedback: FeedbackRow[];
}

/** `GET /stats`: the usage report with the top procedures' titles. */
export type StatsBody = Omit<UsageReport, 'topProcedures'> & { topProcedures: { id: string; count: number; title: string }[] };

/** A ticket on the desk, with the topic entry's title shown instead of its id (when the route knows it). */
export type TicketView = Ticket & { topicTitle?: string | undefined };

/** `GET /tickets`. */
export interface TicketListBody {
  tickets: TicketView[];
}

/** `POST /tickets/:id/call` and `/finish`. */
export interface TicketBody {
  ticket: TicketView;
}

/** A row of today's dossiers: no values (a citizen's personal data is opened one dossier at a time). */
export type DossierRow = Pick<Dossier, 'reference' | 'formId' | 'status' | 'createdAt' | 'receivedAt'> & {
  /** The form's title (`Tờ khai đăng ký kết hôn`), shown instead of its id. */
  formTitle?: string | undefined;
};

/** `GET /dossiers`. */
export interface DossierListBody {
  dossiers: DossierRow[];
}

/** `GET /dossiers/:reference` and `POST /dossiers/:reference/received`. */
export interface DossierBody {
  dossier: Dossier & { formTitle?: string | undefined };
}

/** `GET /officials`. */
export interface OfficialListBody {
  officials: Official[];
}

/** `POST /officials`, `PATCH /officials/:id`. */
export interface OfficialBody {
  official: Official;
}

/** `GET /audit`. */
export interface AuditBody {
  /** With the entry's or life situation's title, shown instead of its id. */
  events: (AuditEvent & { targetTitle?: string | undefined })[];
}

/** A website visitor's call-back request on the desk (the name and phone are personal data: shown, never kept in the page). */
export type CallbackView = Pick<CallbackRequest, 'id' | 'status' | 'name' | 'phone' | 'language' | 'createdAt'> &
  Partial<Pick<CallbackRequest, 'topic' | 'calledAt' | 'finishedAt' | 'handledBy'>> & { topicTitle?: string | undefined };

/** `GET /callbacks`. */
export interface CallbackListBody {
  callbacks: CallbackView[];
}

/** `POST /callbacks/:id/called` and `/done`. */
export interface CallbackBody {
  callback: CallbackView;
}

/** `GET /widget-origins`: the sites allowed to embed the widget, and whether an admin's list or WIDGET_ORIGINS is in force. */
export interface WidgetOriginsBody {
  origins: string[];
  source: 'setting' | 'environment';
  environment: string[];
}
