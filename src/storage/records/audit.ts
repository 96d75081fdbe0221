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

export interface AddAuditInput {
  officialId?: string;
  actor: string;
  action: string;
  targetKind?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRepository {
  add(input: AddAuditInput): Promise<AuditEvent>;
  /** Newest first. */
  list(options?: { since?: Date; officialId?: string; action?: string; targetId?: string; limit?: number }): Promise<AuditEvent[]>;
}
