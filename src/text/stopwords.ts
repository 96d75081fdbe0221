import { BIGRAM_JOINER, EXACT_PREFIX } from './analyze.js';
import { foldDiacritics } from './fold.js';
import { memoizeWords } from './memoize.js';
import { normalizeText } from './normalize-text.js';

/**
 * Question filler, in analyze()'s folded term format (phrases joined by "_"). Not applied by analyze(): folded
 * forms collide with content words (căn → "can" in "can_cuoc", chợ → "cho", nộp muộn → "muon", vay vốn → "vay"),
 * and BM25's IDF already discounts filler. Use it where a plain content-word list is wanted.
 */
export const stopwords: ReadonlySet<string> = new Set([
  // Vietnamese
  'thu_tuc', 'toi', 'em', 'minh', 'muon', 'can', 'gi', 'nhu_the_nao', 'nhu_the', 'the_nao', 'o_dau', 'cho',
  'hoi', 'cho_hoi', 'xin_hoi', 'a', 'vay', 'nhe', 'nhi', 'xin', 'la', 'lam_sao', 'thi', 'ma', 'oi', 'voi', 'duoc',
  'co', 'nao', 'sao', 'nhung', 'cac', 'nay', 'ah', 'u', 'da', 'giup',
  // Not here on purpose: "khong" (negation changes the question), "ban" (bản sao), "vang" (tạm vắng).
  // English
  'the', 'a', 'an', 'i', 'to', 'do', 'does', 'how', 'what', 'my', 'is', 'are', 'for', 'need', 'me', 'can', 'you',
  'please', 'want', 'of', 'in', 'on', 'and', 'should', 'where', 'it', 'this', 'that', 'with', 'am', 'be',
  // Not "he" (folds like hệ in "quan hệ"), "so" (số, sổ) nor "them" (thêm).
  'we', 'our', 'us', 'your', 'they', 'their', 'she', 'her', 'his', 'its', 'was', 'were', 'has', 'have',
  'had', 'will', 'would', 'could', 'there', 'here', 'from', 'at', 'by', 'or', 'if', 'about', 'when', 'who', 'which',
]);

// Terms repeat a lot (every query term is checked): their filler key is remembered.
const keyOf = memoizeWords((bare) => foldDiacritics(normalizeText(bare.split(BIGRAM_JOINER).join(' '))).split(' ').join(BIGRAM_JOINER));

/** True when a term (folded or exact "=", unigram or "_"/space-joined phrase, any case or marks) is filler. */
export function isStopword(term: string): boolean {
  const bare = term.startsWith(EXACT_PREFIX) ? term.slice(EXACT_PREFIX.length) : term;
  const key = keyOf(bare);
  return key !== '' && stopwords.has(key);
}
