// Shapes of the officials' API as JSON (docs/admin-api.md): dates arrive as ISO strings.

export type Role = 'editor' | 'approver' | 'admin';

export interface OfficialInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface SessionInfo {
  official: OfficialInfo;
  csrfToken: string;
}

export interface EntrySummary {
  id: string;
  title: string | { vi: string; en?: string };
  kind: 'curated' | 'catalogue';
  levels: string[];
  codes: string[];
  verified: boolean;
  edited: boolean;
  draft: boolean;
  foldedInto?: string;
}

// From the server, so the list cannot drift from the API (type-only: nothing is bundled).
export type { SituationSummary } from '../../../../src/admin/knowledge/situations.js';

export interface RevisionSummary {
  id: string;
  number: number;
  status: 'draft' | 'published' | 'superseded' | 'discarded';
  authorName?: string;
  createdAt: string;
  publishedByName?: string;
  publishedAt?: string;
  note?: string;
  restoresRevisionId?: string;
  baseRevisionId?: string;
  targetKind?: 'entry' | 'ward-settings';
  targetId?: string;
  title?: string | { vi: string; en?: string };
  content?: unknown;
}

export interface DiffRow {
  path: string | (string | number)[];
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** What the entry page and the ward-settings page both show: current content, shipped file, draft, history. */
export interface TargetState {
  content: unknown;
  baseline: unknown;
  currentRevisionId: string | null;
  draft: RevisionSummary | null;
  revisions: RevisionSummary[];
}

/** The re-index after a publish: changed/removed entry ids (or counts), its time; `error` when it failed. */
export interface Reindexed {
  changed?: string[] | number;
  removed?: string[] | number;
  ms?: number;
  error?: string;
}

/** How many entries a re-index touched. */
export function countOf(value: string[] | number | undefined): number {
  return Array.isArray(value) ? value.length : (value ?? 0);
}

export interface GapGroup {
  key: string;
  label: string;
  count: number;
  reason: string;
  lastAskedAt: string;
  gapIds: string[];
  questions: { id: string; question: string; createdAt: string }[];
  suggestions: { id: string; title: string | { vi: string } }[];
}

export interface FeedbackItem {
  id: string;
  rating: 'up' | 'down';
  comment?: string;
  createdAt: string;
  answer?: unknown;
  citationIds?: string[];
  /** What the server sends today: the cited entries with their titles. */
  citations?: { id: string; title?: string }[];
}

export interface StatsDay {
  day: string;
  questions: number;
  answered: number;
  declined: number;
  answerRate: number | null;
  handovers: number;
  dossiers: number;
  feedbackUp: number;
  feedbackDown: number;
}

export interface Stats {
  from: string;
  to: string;
  days: StatsDay[];
  topProcedures: { id: string; title: string | { vi: string }; count: number }[];
  totals: Record<string, number | null>;
}

export interface DossierInfo {
  reference: string;
  formId: string;
  /** The form's title (`Tờ khai đăng ký kết hôn`), shown instead of its id. */
  formTitle?: string;
  status: 'new' | 'received';
  createdAt: string;
  receivedAt?: string;
  values?: Record<string, unknown>;
}

export interface TicketInfo {
  id: string;
  number: number;
  status: 'waiting' | 'called' | 'done' | 'cancelled';
  topic?: string;
  /** The topic entry's title, shown instead of its id. */
  topicTitle?: string;
  counter?: number;
  createdAt: string;
  calledAt?: string;
}

/** A website visitor's call-back request (the name and phone are personal data: shown, never kept in the page). */
export interface CallbackInfo {
  id: string;
  status: 'new' | 'called' | 'done';
  name: string;
  phone: string;
  language: 'vi' | 'en';
  topic?: string;
  topicTitle?: string;
  createdAt: string;
  calledAt?: string;
  finishedAt?: string;
  handledBy?: string;
}

/** `GET /admin/api/widget-origins`. */
export interface WidgetOriginsInfo {
  origins: string[];
  source: 'setting' | 'environment';
  environment: string[];
}

export interface AuditEventInfo {
  id: string;
  actor: string;
  action: string;
  targetKind?: string;
  targetId?: string;
  /** The entry's or life situation's title, shown instead of its id. */
  targetTitle?: string;
  before?: unknown;
  after?: unknown;
  createdAt: string;
}

export interface OfficialAccount extends OfficialInfo {
  disabled: boolean;
  lockedUntil?: string;
  failedAttempts?: number;
  createdAt?: string;
}

/** A title that may come localized. */
export function titleText(title: unknown, fallback = ''): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'vi' in title) return String((title as { vi: unknown }).vi);
  return fallback;
}
