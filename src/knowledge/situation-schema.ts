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

/**
 * A procedure of a situation that cannot be offered: no entry has its id, the situation lists it twice, or it is a
 * catalogue record a curated entry covers (retrieval folds the record into that entry, so it has no page of its own).
 */
export interface SituationProcedureProblem {
  index: number;
  id: string;
  reason: 'unknown' | 'repeated' | 'covered';
  /** For `covered`: the curated entry to list instead. */
  curatedId?: string;
}

/** Checks a situation's procedures against the entries in force; the loader and the workbench word the problems. */
export function findSituationProcedureProblems(
  situation: Pick<Situation, 'procedures'>,
  entries: { has(id: string): boolean; coveredBy(id: string): string | undefined },
): SituationProcedureProblem[] {
  const seen = new Set<string>();
  const problems: SituationProcedureProblem[] = [];
  situation.procedures.forEach(({ id }, index) => {
    const curatedId = entries.coveredBy(id);
    if (seen.has(id)) problems.push({ index, id, reason: 'repeated' });
    else if (!entries.has(id)) problems.push({ index, id, reason: 'unknown' });
    else if (curatedId) problems.push({ index, id, reason: 'covered', curatedId });
    seen.add(id);
  });
  return problems;
}

/** Which curated entry covers a catalogue id (`dvc-<code>`), given the entries in force. */
export function curatedCoverage(entries: Iterable<{ id: string; codes: readonly string[] }>): (id: string) => string | undefined {
  const byCode = new Map<string, string>();
  for (const entry of entries) if (!entry.id.startsWith('dvc-')) for (const code of entry.codes) if (!byCode.has(code)) byCode.set(code, entry.id);
  return (id) => (id.startsWith('dvc-') ? byCode.get(id.slice('dvc-'.length)) : undefined);
}
