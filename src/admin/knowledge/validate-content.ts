import type { KnowledgeInForce } from '../../knowledge/in-force/knowledge-in-force.js';
import { schemaFor } from '../../knowledge/in-force/targets.js';
import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { Situation } from '../../knowledge/situation-schema.js';
import { notFoundError, validationError } from '../../shared/errors.js';
import { wardDayOf } from '../../shared/ward-time.js';
import { toFieldErrors, VIETNAMESE } from '../../shared/zod-errors.js';
import type { RevisionTarget } from '../../storage/types.js';
import { situationContentErrors } from './situations.js';

/**
 * Checks an official's edit against the schema (stamped with today's ward date) and the knowledge in force; throws
 * a Vietnamese validation error naming the fields (`content.…`) when it does not fit.
 */
export function validateContent(knowledge: KnowledgeInForce, now: () => Date, kind: RevisionTarget, targetId: string, content: unknown): Entry | WardSettings | Situation {
  if (kind === 'situation') return validateSituation(knowledge, targetId, content);
  const today = wardDayOf(now());
  const stamped = typeof content === 'object' && content !== null && !Array.isArray(content) ? { ...content, updatedAt: today } : content;
  // Settings an official publishes are the ward's real ones, never the shipped example.
  if (kind === 'ward-settings' && typeof stamped === 'object' && stamped !== null) Object.assign(stamped, { example: false });
  const parsed = schemaFor(kind).safeParse(stamped, VIETNAMESE);
  if (!parsed.success) {
    throw validationError(toFieldErrors(parsed.error, 'vi').map((e) => ({ ...e, field: e.field ? `content.${e.field}` : 'content' })), 'Nội dung chưa hợp lệ, vui lòng sửa các mục được đánh dấu.');
  }
  if (kind === 'entry' && (parsed.data as Entry).id !== targetId) throw validationError([{ field: 'content.id', message: `Mã thủ tục phải là ${targetId}.` }]);
  if (kind === 'entry' && !knowledge.entry(targetId)) throw notFoundError('Không tìm thấy thủ tục này.');
  return parsed.data;
}

/** A situation keeps its id and lists only procedures citizens can open now (a situation has no updatedAt). */
function validateSituation(knowledge: KnowledgeInForce, targetId: string, content: unknown): Situation {
  if (!knowledge.situation(targetId)) throw notFoundError('Không tìm thấy tình huống này.');
  const parsed = schemaFor('situation').safeParse(content, VIETNAMESE);
  const errors = parsed.success ? situationContentErrors(parsed.data as Situation, targetId, knowledge.entries()) : toFieldErrors(parsed.error, 'vi');
  if (errors.length > 0) {
    throw validationError(errors.map((e) => ({ ...e, field: e.field ? `content.${e.field}` : 'content' })), 'Nội dung chưa hợp lệ, vui lòng sửa các mục được đánh dấu.');
  }
  return parsed.data as Situation;
}
