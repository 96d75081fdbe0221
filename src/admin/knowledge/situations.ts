import { findSituationProcedureProblems, type Situation } from '../../knowledge/situation-schema.js';
import type { FieldError } from '../../shared/errors.js';

/** A life situation as the workbench lists it. */
export interface SituationSummary {
  id: string;
  title: string;
  procedures: number;
  verified: boolean;
  /** A published revision overrides the shipped file. */
  edited: boolean;
  /** A draft waits for review. */
  draft: boolean;
}

/** The list row of a situation. */
export function summarizeSituation(situation: Situation, state: { edited: boolean; draft: boolean }): SituationSummary {
  return { id: situation.id, title: situation.title.vi, procedures: situation.procedures.length, verified: situation.verified, ...state };
}

/** What an official's edit of a situation gets wrong beyond the schema: its id, and procedures citizens could not open. */
export function situationContentErrors(situation: Situation, targetId: string, hasEntry: (id: string) => boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (situation.id !== targetId) errors.push({ field: 'id', message: `Mã tình huống phải là ${targetId}.` });
  for (const { index, id, reason } of findSituationProcedureProblems(situation, hasEntry)) {
    errors.push({
      field: `procedures.${index}.id`,
      message: reason === 'unknown' ? `Không có thủ tục mã "${id}" (dùng mã thủ tục trong danh sách Thủ tục, ví dụ dang-ky-khai-sinh hoặc dvc-1.001193).` : `Thủ tục "${id}" đã có ở trên.`,
    });
  }
  return errors;
}
