import type { Entry } from '../../knowledge/schema.js';
import { curatedCoverage, findSituationProcedureProblems, type Situation } from '../../knowledge/situation-schema.js';
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
export function situationContentErrors(situation: Situation, targetId: string, entries: readonly Entry[]): FieldError[] {
  const errors: FieldError[] = [];
  if (situation.id !== targetId) errors.push({ field: 'id', message: `Mã tình huống phải là ${targetId}.` });
  const ids = new Set(entries.map((entry) => entry.id));
  const lookup = { has: (id: string) => ids.has(id), coveredBy: curatedCoverage(entries) };
  for (const { index, id, reason, curatedId } of findSituationProcedureProblems(situation, lookup)) {
    const message = {
      unknown: `Không có thủ tục mã "${id}" (dùng mã thủ tục trong danh sách Thủ tục, ví dụ dang-ky-khai-sinh hoặc dvc-1.014159).`,
      repeated: `Thủ tục "${id}" đã có ở trên.`,
      covered: `Thủ tục "${id}" được trả lời trong mục đã biên soạn "${curatedId}"; hãy ghi mã ${curatedId}.`,
    }[reason];
    errors.push({ field: `procedures.${index}.id`, message });
  }
  return errors;
}
