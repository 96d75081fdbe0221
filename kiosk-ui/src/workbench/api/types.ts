// The officials' API as the workbench receives it: the server's own wire types (src/admin/api/wire.ts) in their JSON
// form, so the two sides cannot drift (type-only: nothing of the server is bundled). Never copy a shape here.
import type * as Wire from '../../../../src/admin/api/wire.js';

type Json<T> = Wire.Json<T>;

export type Role = Wire.Role;
export type SessionInfo = Json<Wire.SessionBody>;
export type OfficialInfo = SessionInfo['official'];
export type EntrySummary = Json<Wire.EntrySummary>;
export type EntryListPage = Json<Wire.EntryListBody>;
export type SituationSummary = Wire.SituationSummary;
export type RevisionSummary = Json<Wire.RevisionSummary>;
export type DraftView = Json<Wire.DraftView>;
export type DraftSummary = Json<Wire.DraftSummary>;
export type RevisionDetail = Json<Wire.RevisionDetailBody>;
export type EntryResponse = Json<Wire.EntryBody>;
export type SituationResponse = Json<Wire.SituationBody>;
export type WardSettingsResponse = Json<Wire.WardSettingsBody>;
export type PublishOutcome = Json<Wire.PublishOutcome>;
export type Reindexed = NonNullable<PublishOutcome['reindexed']>;
export type SavedDraft = Json<Wire.SavedDraftBody>;
export type AttachResult = Json<Wire.AttachBody>;
export type DiffRow = Wire.FieldChange;
export type GapGroup = Json<Wire.GapGroupView>;
export type FeedbackItem = Json<Wire.FeedbackRow>;
export type Stats = Json<Wire.StatsBody>;
export type DossierInfo = Json<Wire.DossierBody['dossier']>;
export type DossierRow = Json<Wire.DossierRow>;
export type TicketInfo = Json<Wire.TicketBody['ticket']>;
export type AuditEventInfo = Json<Wire.AuditBody['events'][number]>;
export type OfficialAccount = Json<Wire.OfficialBody['official']>;
export type CallbackInfo = Json<Wire.CallbackView>;
export type WidgetOriginsInfo = Wire.WidgetOriginsBody;

/** What the entry page, the situation page and the ward-settings page all show: content in force, shipped file, draft, history. */
export interface TargetState {
  content: unknown;
  baseline: unknown;
  currentRevisionId: string | null;
  draft: DraftView | null;
  revisions: RevisionSummary[];
}

/** How many entries a re-index touched. */
export function countOf(value: string[] | number | undefined): number {
  return Array.isArray(value) ? value.length : (value ?? 0);
}

/** A title that may come localized. */
export function titleText(title: unknown, fallback = ''): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'vi' in title) return String((title as { vi: unknown }).vi);
  return fallback;
}
