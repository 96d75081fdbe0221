import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../../admin/auth/roles.js';
import { hasRole } from '../../../admin/auth/roles.js';
import type { KnowledgeWorkbench } from '../../../admin/knowledge/workbench.js';
import { forbiddenError, unavailableError } from '../../../shared/errors.js';
import type { OfficialRole, OfficialSession, Storage } from '../../../storage/types.js';

/** What the admin middleware puts on the request context. */
export interface AdminEnv {
  Variables: {
    actor: Actor;
    /** The cookie session (undefined for the ADMIN_TOKEN). */
    session: OfficialSession | undefined;
  };
}

/** The services behind `/admin/api`, resolved per request (they appear once the service has started). */
export interface AdminServices {
  storage: () => Storage;
  workbench: () => KnowledgeWorkbench;
}

/** Builds the accessors that turn "not ready yet" into a 503. */
export function adminServices(getStorage: () => Storage | undefined, getWorkbench: () => KnowledgeWorkbench | undefined): AdminServices {
  return {
    storage: () => getStorage() ?? raise(),
    workbench: () => getWorkbench() ?? raise(),
  };
}

function raise(): never {
  throw unavailableError();
}

/** Refuses the request unless the actor has `role` or above. */
export function requireRole(role: OfficialRole): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!hasRole(c.var.actor.role, role)) throw forbiddenError(ROLE_MESSAGES[role]);
    await next();
  };
}

const ROLE_MESSAGES: Record<OfficialRole, string> = {
  editor: 'Tài khoản của bạn không có quyền làm việc này.',
  approver: 'Việc này cần quyền duyệt nội dung (người duyệt hoặc quản trị viên).',
  admin: 'Việc này cần quyền quản trị viên.',
};

/** The acting official. */
export function actorOf(c: Context<AdminEnv>): Actor {
  return c.var.actor;
}
