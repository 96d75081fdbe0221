/** Failed log-ins under one user name that no account has. */
interface Failures {
  count: number;
  lockedUntil?: Date;
}

/**
 * The lockout of user names that do not exist, kept in memory, so that they answer exactly like real accounts:
 * 401 until the fifth failure, then 423 `account_locked` until the same time. Without it, a name that stays 401
 * forever told an attacker it was not an account. Bounded: the oldest names are forgotten first.
 */
export class UnknownUserLockout {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly maxNames = 10_000) {}

  /** Until when this name is locked, if it is. */
  lockedUntil(username: string, now: Date): Date | undefined {
    const until = this.failures.get(keyOf(username))?.lockedUntil;
    return until && until > now ? until : undefined;
  }

  /** Counts a failure; returns the lock's end when this failure locks the name (as `recordFailure` does an account). */
  recordFailure(username: string, now: Date, policy: { maxFailures: number; lockMinutes: number }): Date | undefined {
    const key = keyOf(username);
    const entry = this.failures.get(key) ?? { count: 0 };
    this.failures.delete(key);
    entry.count += 1;
    entry.lockedUntil = entry.count >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : undefined;
    this.failures.set(key, entry);
    if (this.failures.size > this.maxNames) this.failures.delete(this.failures.keys().next().value as string);
    return entry.lockedUntil;
  }
}

// Accounts are looked up trimmed and case-insensitively; so are the names that are not accounts.
const keyOf = (username: string) => username.trim().toLocaleLowerCase('vi');
