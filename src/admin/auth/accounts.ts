import { z } from 'zod';
import { lastAdminError, notFoundError, validationError } from '../../shared/errors.js';
import type { Official, OfficialRole, Storage, UpdateOfficialInput } from '../../storage/types.js';
import { checkNewPassword, hashPassword } from './password.js';
import type { Actor } from './roles.js';

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'Tên đăng nhập gồm 3–32 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.');
export const RoleSchema = z.enum(['editor', 'approver', 'admin']);

export const NewOfficialSchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(100),
  role: RoleSchema,
  password: z.string().max(200),
});
export type NewOfficial = z.infer<typeof NewOfficialSchema>;

export const OfficialPatchSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: RoleSchema.optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(200).optional(),
});
export type OfficialPatch = z.infer<typeof OfficialPatchSchema>;

/** What the audit log keeps of an account: never the hash. */
function auditView(official: Official): Record<string, unknown> {
  return { username: official.username, displayName: official.displayName, role: official.role, disabled: official.disabled };
}

function passwordProblems(password: string, username: string): void {
  const problems = checkNewPassword(password, username);
  if (problems.length > 0) throw validationError(problems.map((message) => ({ field: 'password', message })), 'Mật khẩu chưa đạt yêu cầu.');
}

/** Creates an account (hashing the password) and records who did it. */
export async function createOfficial(storage: Storage, input: NewOfficial, actor: Actor): Promise<Official> {
  passwordProblems(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return storage.transaction(async (tx) => {
    const official = await tx.officials.create({ username: input.username, displayName: input.displayName, role: input.role, passwordHash });
    await tx.audit.add({ ...actorFields(actor), action: 'official.create', targetKind: 'official', targetId: official.id, after: auditView(official) });
    return official;
  });
}

/** Changes an account; a new password or disabling ends its sessions; the last active admin cannot be removed. */
export async function updateOfficial(storage: Storage, id: string, patch: OfficialPatch, actor: Actor): Promise<Official> {
  const before = await storage.officials.get(id);
  if (!before) throw notFoundError('Không tìm thấy tài khoản.');
  if (patch.password !== undefined) passwordProblems(patch.password, before.username);
  const update: UpdateOfficialInput = {
    ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
    ...(patch.role === undefined ? {} : { role: patch.role }),
    ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
    ...(patch.password === undefined ? {} : { passwordHash: await hashPassword(patch.password) }),
  };
  return storage.transaction(async (tx) => {
    const losesAdmin = before.role === 'admin' && !before.disabled && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin) {
      const admins = (await tx.officials.list()).filter((o) => o.role === 'admin' && !o.disabled);
      if (admins.length <= 1) {
        throw lastAdminError();
      }
    }
    const after = await tx.officials.update(id, update);
    if (update.passwordHash || patch.disabled === true) await tx.officialSessions.deleteForOfficial(id);
    await tx.audit.add({
      ...actorFields(actor),
      action: 'official.update',
      targetKind: 'official',
      targetId: id,
      before: auditView(before),
      after: { ...auditView(after), ...(update.passwordHash ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

/** The audit fields of an actor. */
export function actorFields(actor: Actor): { officialId?: string; actor: string } {
  return actor.officialId ? { officialId: actor.officialId, actor: actor.username } : { actor: actor.username };
}

export type { OfficialRole };
