import { z } from 'zod';

/**
 * A moment of life (a baby is born, moving house, opening a shop…) mapped to the procedures a citizen in it may need
 * (docs/admin-api.md, "Life situations"). The chat answers a situation with a short checklist, not one guess.
 */
export const SituationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  /** The checklist's opening line, e.g. "Khi chuyển đến nơi ở mới, bạn có thể cần:" */
  intro: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  /** Phrases that say the citizen is in this moment of life: Vietnamese with AND without diacritics, English. Matched as whole words on folded text. */
  triggers: z.strictObject({ vi: z.array(z.string().min(2)).min(3), en: z.array(z.string().min(2)).min(1) }),
  /** The procedures to consider, most common first: a curated id or a catalogue id (dvc-<code>), with an optional short note saying when it applies. */
  procedures: z.array(z.strictObject({ id: z.string().min(1), when: z.strictObject({ vi: z.string(), en: z.string() }).optional() })).min(2).max(8),
  verified: z.boolean().default(false),
});
export type Situation = z.infer<typeof SituationSchema>;

/** A procedure of a situation that cannot be offered: no entry has its id, or the situation lists it twice. */
export interface SituationProcedureProblem {
  index: number;
  id: string;
  reason: 'unknown' | 'repeated';
}

/** Checks a situation's procedures against the entries in force; the loader and the workbench word the problems. */
export function findSituationProcedureProblems(situation: Pick<Situation, 'procedures'>, hasEntry: (id: string) => boolean): SituationProcedureProblem[] {
  const seen = new Set<string>();
  const problems: SituationProcedureProblem[] = [];
  situation.procedures.forEach(({ id }, index) => {
    if (seen.has(id)) problems.push({ index, id, reason: 'repeated' });
    else if (!hasEntry(id)) problems.push({ index, id, reason: 'unknown' });
    seen.add(id);
  });
  return problems;
}
