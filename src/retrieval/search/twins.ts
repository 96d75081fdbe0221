/**
 * The catalogue publishes one procedure once per level that performs it, under one title with the level in brackets
 * ("Cấp lại thẻ căn cước (thực hiện tại cấp xã)", "… (thực hiện tại cấp tỉnh)"). For a citizen they are one
 * procedure: a result list shows the best-ranked of such twins only (docs/retrieval.md, "Twins").
 */
// A level, not an act: "(Cấp lần đầu)", "(cấp lại)" name different procedures.
const LEVEL_IN_BRACKETS = /\s*\((?:thực hiện\s+)?(?:tại\s+)?cấp\s+(?:xã|huyện|tỉnh|trung ương|tw|bộ|cơ sở)[^)]*\)/giu;

/** The title without its level, as a key shared by the twins of one procedure. */
export function twinKey(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(LEVEL_IN_BRACKETS, '').replace(/[\s.]+$/u, '').replace(/\s+/gu, ' ').trim();
}

/** The first `limit` items in their order, each twin after the first of its procedure left out. */
export function dropLaterTwins<T>(ranked: readonly T[], titleOf: (item: T) => string | undefined, limit = ranked.length): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of ranked) {
    if (kept.length >= limit) break;
    const title = titleOf(item);
    const key = title === undefined ? undefined : twinKey(title);
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    kept.push(item);
  }
  return kept;
}
