import { createHash, randomBytes } from 'node:crypto';
import { accountLockedError, invalidCredentialsError } from '../../shared/errors.js';
import type { Official, OfficialSession, Storage } from '../../storage/types.js';
import { getDummyHash, verifyPassword } from './password.js';
import { UnknownUserLockout } from './unknown-users.js';

export interface AuthPolicy {
  /** Failed log-ins in a row that lock an account. */
  maxFailures: number;
  lockMinutes: number;
  /** Sliding session lifetime after the last request. */
  sessionHours: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockMinutes: 15, sessionHours: 8 };

export interface LoginResult {
  official: Official;
  /** Goes into the httpOnly cookie; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Authenticated {
  official: Official;
  session: OfficialSession;
}

/** SHA-256 (hex) of a session token: what the database keeps, so a stolen database holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Log-in with lockout, cookie sessions with sliding expiry, log-out; every outcome recorded in the audit log. */
export class AuthService {
  private readonly policy: AuthPolicy;

  constructor(
    private readonly storage: Storage,
    policy: Partial<AuthPolicy> = {},
    private readonly now: () => Date = () => new Date(),
    /** Shared across requests (the service itself is built per request); see unknown-users.ts. */
    private readonly unknownUsers: UnknownUserLockout = new UnknownUserLockout(),
  ) {
    this.policy = { ...DEFAULT_AUTH_POLICY, ...policy };
  }

  /**
   * Checks a username and password; throws 401 `invalid_credentials` or 423 `account_locked` — the same answers,
   * after the same number of failures and in the same time, whether or not the username exists.
   */
  async login(username: string, password: string): Promise<LoginResult> {
    const found = await this.storage.officials.findByUsername(username);
    const now = this.now();
    if (!found) {
      const locked = this.unknownUsers.lockedUntil(username, now);
      if (locked) {
        await this.storage.audit.add({ actor: '(không rõ)', action: 'login.refused', after: { reason: 'unknown_user' } });
        throw accountLockedError(locked);
      }
      // Spend the same time as a real check, so response times do not tell which usernames exist.
      await verifyPassword(password, await getDummyHash());
      const lockUntil = this.unknownUsers.recordFailure(username, now, this.policy);
      await this.storage.audit.add({ actor: '(không rõ)', action: 'login.failed', after: { reason: 'unknown_user' } });
      if (lockUntil) throw accountLockedError(lockUntil);
      throw invalidCredentialsError();
    }
    if (found.lockedUntil && found.lockedUntil > now) {
      await this.storage.audit.add({ officialId: found.id, actor: found.username, action: 'login.refused', after: { reason: 'locked' } });
      throw accountLockedError(found.lockedUntil);
    }
    const ok = await verifyPassword(password, found.passwordHash);
    if (!ok || found.disabled) {
      // A disabled account locks like any other: one that never did would stand out from unknown names.
      const locks = found.failedAttempts + 1 >= this.policy.maxFailures;
      const lockUntil = locks ? new Date(now.getTime() + this.policy.lockMinutes * 60_000) : undefined;
      await this.storage.transaction(async (tx) => {
        await tx.officials.recordFailure(found.id, lockUntil);
        await tx.audit.add({
          officialId: found.id,
          actor: found.username,
          action: locks ? 'account.locked' : 'login.failed',
          after: { reason: found.disabled ? 'disabled' : 'wrong_password', failedAttempts: found.failedAttempts + 1 },
        });
      });
      if (lockUntil) throw accountLockedError(lockUntil);
      throw invalidCredentialsError();
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = this.expiry();
    await this.storage.transaction(async (tx) => {
      await tx.officials.recordSuccess(found.id);
      await tx.officialSessions.create({ tokenHash: hashToken(token), officialId: found.id, csrfToken, expiresAt });
      await tx.audit.add({ officialId: found.id, actor: found.username, action: 'login' });
    });
    const { passwordHash: _secret, ...official } = found;
    return { official: { ...official, failedAttempts: 0 }, token, csrfToken, expiresAt };
  }

  /** The official behind a cookie token, sliding the session's expiry; undefined when unknown, expired or disabled. */
  async authenticate(token: string | undefined): Promise<Authenticated | undefined> {
    if (!token || token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const session = await this.storage.officialSessions.get(tokenHash);
    if (!session) return undefined;
    const official = await this.storage.officials.get(session.officialId);
    if (!official || official.disabled) {
      await this.storage.officialSessions.delete(tokenHash);
      return undefined;
    }
    // Slide at most once a minute: a busy workbench should not write on every request.
    if (this.now().getTime() - session.lastSeenAt.getTime() > 60_000) await this.storage.officialSessions.touch(tokenHash, this.expiry());
    return { official, session };
  }

  /** Ends the session of a cookie token; idempotent. */
  async logout(token: string, official: Official): Promise<void> {
    await this.storage.transaction(async (tx) => {
      await tx.officialSessions.delete(hashToken(token));
      await tx.audit.add({ officialId: official.id, actor: official.username, action: 'logout' });
    });
  }

  private expiry(): Date {
    return new Date(this.now().getTime() + this.policy.sessionHours * 3_600_000);
  }
}
