import type { OfficialRole } from '../../storage/types.js';

/** Each role includes the ones before it: editor < approver < admin. */
const RANK: Record<OfficialRole, number> = { editor: 1, approver: 2, admin: 3 };

export const ROLES: readonly OfficialRole[] = ['editor', 'approver', 'admin'];

/** True when `role` is `needed` or above. */
export function hasRole(role: OfficialRole, needed: OfficialRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** Who is acting: an official with a session, or a script holding ADMIN_TOKEN. */
export interface Actor {
  /** Undefined for the ADMIN_TOKEN (a machine credential, not a person). */
  officialId?: string;
  username: string;
  displayName: string;
  role: OfficialRole;
}

/** The actor recorded for requests authenticated by ADMIN_TOKEN. */
export const TOKEN_ACTOR: Actor = { username: 'token', displayName: 'ADMIN_TOKEN', role: 'admin' };
