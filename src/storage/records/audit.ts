export interface AuditEvent {
  id: string;
  /** Undefined for actions of the system or of a CLI (e.g. `npm run admin:create-user`). */
  officialId?: string;
  /** The username at the time (kept even if the account is renamed or disabled). */
  actor: string;
  /** e.g. `login`, `login.failed`, `revision.draft`, `revision.publish`, `gap.dismiss`, `dossier.received`. */
  action: string;
  targetKind?: string;
  targetId?: string;
  /** State before and after, as JSON; never a password hash, a token or a citizen's personal data. */
  before?: unknown;
  after?: unknown;
  createdAt: Date;
}

/** An event as a caller records it: the storage gives it its id and time. */
export type AddAuditInput = Omit<AuditEvent, 'id' | 'createdAt'>;

export interface AuditRepository {
  add(input: AddAuditInput): Promise<AuditEvent>;
  /** Newest first. */
  list(options?: { since?: Date; officialId?: string; action?: string; targetId?: string; limit?: number }): Promise<AuditEvent[]>;
}
