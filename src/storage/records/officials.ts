// The officials' workbench: accounts and their log-in sessions.

export type OfficialRole = 'editor' | 'approver' | 'admin';

/** An official's account. Officials' names are not citizens' data; they are shown in the audit log and history. */
export interface Official {
  id: string;
  /** Unique, stored lower-cased and trimmed; what the official types to log in. */
  username: string;
  displayName: string;
  role: OfficialRole;
  disabled: boolean;
  /** Failed log-ins since the last success. */
  failedAttempts: number;
  /** Set while the account is locked after repeated failures. */
  lockedUntil?: Date;
  createdAt: Date;
  passwordChangedAt: Date;
}

/** An account with its password hash: only the login path ever reads this. */
export interface OfficialWithSecret extends Official {
  /** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>` (see src/admin/auth/password.ts). */
  passwordHash: string;
}

export interface CreateOfficialInput {
  username: string;
  displayName: string;
  role: OfficialRole;
  passwordHash: string;
}

export interface UpdateOfficialInput {
  displayName?: string;
  role?: OfficialRole;
  disabled?: boolean;
  /** A new hash; also sets passwordChangedAt and clears failures and lock. */
  passwordHash?: string;
}

export interface OfficialRepository {
  /** Creates an account; `conflict` (409, code `username_taken`) when the username exists (case-insensitively). */
  create(input: CreateOfficialInput): Promise<Official>;
  get(id: string): Promise<Official | undefined>;
  /** The account with its hash for a username as typed (trimmed, case-insensitive), or undefined. */
  findByUsername(username: string): Promise<OfficialWithSecret | undefined>;
  /** All accounts by username. */
  list(): Promise<Official[]>;
  /** How many accounts exist (the first one must be an admin, made by `npm run admin:create-user`). */
  count(): Promise<number>;
  /** Counts one failed log-in and, when `lockUntil` is given, locks the account until then. Returns the account. */
  recordFailure(id: string, lockUntil?: Date): Promise<Official>;
  /** Clears failures and lock after a successful log-in. */
  recordSuccess(id: string): Promise<void>;
  /** Changes an account; `not_found` for an unknown id. */
  update(id: string, patch: UpdateOfficialInput): Promise<Official>;
}

/** A logged-in official's session. The cookie holds a random token; only its SHA-256 is stored. */
export interface OfficialSession {
  /** SHA-256 (hex) of the cookie token. */
  tokenHash: string;
  officialId: string;
  /** Sent back by the workbench in `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface OfficialSessionRepository {
  create(input: { tokenHash: string; officialId: string; csrfToken: string; expiresAt: Date }): Promise<OfficialSession>;
  /** The session, or undefined when unknown or expired (expired ones are deleted on sight). */
  get(tokenHash: string): Promise<OfficialSession | undefined>;
  /** Sliding expiry: records activity and moves the expiry. */
  touch(tokenHash: string, expiresAt: Date): Promise<void>;
  /** Logs out one session; idempotent. */
  delete(tokenHash: string): Promise<void>;
  /** Logs out every session of an official (password change, account disabled); returns how many went. */
  deleteForOfficial(officialId: string): Promise<number>;
  /** Deletes expired sessions; returns how many went. */
  purgeExpired(): Promise<number>;
}
