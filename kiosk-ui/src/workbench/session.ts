import { api, setCsrfToken } from './api/client.js';
import type { OfficialInfo, Role, SessionInfo } from './api/types.js';

const RANK: Record<Role, number> = { editor: 1, approver: 2, admin: 3 };

let official: OfficialInfo | undefined;

/** The logged-in official, or undefined. */
export function currentOfficial(): OfficialInfo | undefined {
  return official;
}

/** True when the logged-in official has `needed` or a role above it (the server checks again). */
export function can(needed: Role): boolean {
  return official !== undefined && (RANK[official.role] ?? 0) >= RANK[needed];
}

/** Remembers the session of a login answer or of `GET /session`. */
export function startSession(info: SessionInfo): void {
  official = info.official;
  // null only for the ADMIN_TOKEN actor, which never uses the workbench's cookie session.
  setCsrfToken(info.csrfToken ?? '');
}

/** Forgets the official (after logout or a 401). */
export function endSession(): void {
  official = undefined;
  setCsrfToken('');
}

/** Asks the server whether the cookie still holds a session; false on 401. */
export async function restoreSession(): Promise<boolean> {
  try {
    startSession(await api.get<SessionInfo>('/session'));
    return true;
  } catch {
    endSession();
    return false;
  }
}
