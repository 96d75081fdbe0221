import { analyze, isStopword } from '../../text/index.js';
import type { Gap } from '../../storage/types.js';

export interface GapGroup {
  /** The oldest gap's id: stable while the group grows. */
  key: string;
  /** The most recent wording, shown as the group's title. */
  label: string;
  count: number;
  reason: Gap['reason'];
  lastAskedAt: Date;
  gapIds: string[];
  questions: { id: string; question: string; createdAt: Date }[];
  /** Entries retrieval offered most often for these questions, best first. */
  suggestions: string[];
}

/** Words that say nothing about which procedure is meant. */
const FILLER = new Set(['lam', 'the', 'nao', 'can', 'gi', 'o', 'dau', 'bao', 'nhieu', 'toi', 'muon', 'cho', 'hoi', 'a', 'thi', 'phai', 'co', 'khong', 'duoc']);

/** Content words of a question, folded: what two askings of the same thing share. */
function contentWords(question: string): Set<string> {
  return new Set(analyze(question, { exact: 'never' }).folded.filter((word) => word.length > 1 && !isStopword(word) && !FILLER.has(word)));
}

/** Words of nearly every administrative request: they count, but little ("cấp giấy phép" says little of which one). */
const GENERIC = new Set(['cap', 'giay', 'phep', 'xin', 'xac', 'nhan', 'dang', 'ky', 'thu', 'tuc', 'lam', 'lai', 'moi', 'to', 'don', 'ho', 'so']);
const weightOf = (word: string) => (GENERIC.has(word) ? 0.25 : 1);

function weight(words: Iterable<string>): number {
  let total = 0;
  for (const word of words) total += weightOf(word);
  return total;
}

function similarity(a: Set<string>, b: Set<string>): number {
  const smaller = Math.min(weight(a), weight(b));
  if (smaller === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += weightOf(word);
  // Overlap relative to the shorter question: "đổi tên" and "thủ tục đổi tên cho con" are the same need.
  return shared / smaller;
}

/**
 * Groups unanswered questions that ask the same thing: greedy clustering by word overlap with each group's
 * vocabulary, a lower bar when retrieval offered the same closest entry. Largest groups first.
 */
export function groupGaps(gaps: readonly Gap[], { threshold = 0.6, sameTopThreshold = 0.4 } = {}): GapGroup[] {
  const groups: { words: Set<string>; top: string | undefined; gaps: Gap[] }[] = [];
  const oldestFirst = [...gaps].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const gap of oldestFirst) {
    const words = contentWords(gap.question);
    const top = gap.topIds[0];
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const group of groups) {
      const score = similarity(words, group.words);
      const bar = top !== undefined && top === group.top ? sameTopThreshold : threshold;
      if (score >= bar && score > bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best) {
      best.gaps.push(gap);
      for (const word of words) best.words.add(word);
    } else {
      groups.push({ words, top, gaps: [gap] });
    }
  }
  return groups
    .map(({ gaps: members }) => {
      const newest = members[members.length - 1] as Gap;
      const votes = new Map<string, number>();
      for (const gap of members) gap.topIds.forEach((id, rank) => votes.set(id, (votes.get(id) ?? 0) + (3 - Math.min(rank, 2))));
      return {
        key: (members[0] as Gap).id,
        label: newest.question,
        count: members.length,
        reason: newest.reason,
        lastAskedAt: newest.createdAt,
        gapIds: members.map((g) => g.id),
        questions: members.map((g) => ({ id: g.id, question: g.question, createdAt: g.createdAt })).reverse(),
        suggestions: [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([id]) => id),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime());
}
