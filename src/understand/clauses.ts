import { foldForMatch } from '../text/index.js';
import type { Clause } from './types.js';

/*
 * Citizens often tell their story first and ask at the end ("Năm 2010 tôi … Nay tôi muốn hỏi …"). The story's
 * facts matter, but the clause that asks names the procedure: retrieval weighs it fully and the rest less
 * (docs/understanding.md).
 */

// Markers that open the asking part inside a sentence: what follows them is the question.
const OPENERS = /\b(xin hoi|cho (?:em |toi |minh |chau |con |tui |anh |chi |co |chu |bac |ba |ong )?(?:duoc )?hoi|(?:em|toi|minh|chau|con|tui) (?:muon|can|xin) hoi|hoi la|vay (?:thi )?(?:em|toi|minh|chau)|nay (?:em|toi|minh|chau|gia dinh)? ?(?:muon|can)|please advise|i would like to know|my question is|could you tell me)\b/;

// Words that make a clause a question wherever they stand.
// Without "muốn": a wish asks too (below), unless it is someone else's told before the question.
const ASKING_WORDS = 'the nao|nhu nao|ra sao|lam sao|lam gi|lam the|phai lam|can lam|co duoc|duoc khong|duoc ko|khong a|ko a|hay khong|hay ko|co phai|co can(?! (?:cuoc|nha|ho|phong|ban|bo))|bao nhieu|bao lau|may ngay|o dau|cho nao|giay to gi|can gi|nhung gi|thu tuc gi|the nao|khi nao|ai (?:lam|ky|cap)|how|what|where|which|when|can i|do i|should i|is it|am i|may i|can phai|want to|would like|need to';
const ASKING = new RegExp(`\\b(${ASKING_WORDS}|muon)\\b`);

// "Gì" after a negation is "any" ("không có giấy tờ gì": no papers at all), unless the citizen does not know what;
// "được không" is a tag question, not a negation ("… được không cần giấy tờ gì" asks twice).
// Not "phải làm gì", "cần gì" after it: "Không có CCCD phải làm gì" asks.
const NEGATED_ANY = /\b(?<!(?:duoc|phai|co) )(?:khong|chua|chang) (?!biet|ro|hieu)(?:\S+ ){0,3}(?!(?:lam|can|phai) gi\b)\S+ gi\b/g;

// A sentence that closes with "không" or "chưa" after a question's frame ("có … không", "đã … chưa", "được … không")
// asks yes or no, typed with or without its question mark. Not "sổ đỏ thì chưa.", "xã bảo không.", nor "hỏng" and
// "sổ hồng", which fold like the southern "hông".
const YES_NO_END = /(?:^| )(?:khong|ko|k|chua)(?: (?:a|ah|ha|vay|nhi|nhe|anh|chi|em|ban|ad))?$/;
const YES_NO_FRAME = /(?:^| )(?:co|da|duoc|phai|can|nen|lieu)(?= )/;

const POINTS_BACK = /(?:^| )(?:(?:giay|thu tuc|truong hop|ho so|giay to) (?:nay|do|ay)|nhu vay|vay thi)(?= |$)/;

// The asking words without "muốn", and who says "muốn" for themselves.
const ASKING_BUT_WISH = new RegExp(`\\b(${ASKING_WORDS})\\b`);
const OWN_WISH = /(?:^| )(?:toi|em|minh|chung toi|chung em|tui|con|chau|nay|gio|bay gio)(?: \S+){0,2} muon(?= )/;

/** A sentence that asks only by someone else's "muốn", with no question mark. */
function isOthersWish(sentence: string): boolean {
  const folded = foldForMatch(sentence);
  return !sentence.includes('?') && / muon /.test(` ${folded} `) && !OWN_WISH.test(folded) && !ASKING_BUT_WISH.test(folded.replace(NEGATED_ANY, ' '));
}

const SENTENCE = /(?<=[.?!;…\n])\s+|\n+/;
// Commas split a long sentence into clauses only where one clause alone would be too long to weigh as one.
const LONG_SENTENCE_WORDS = 25;

/** Splits a message into sentences (long ones into comma clauses) and marks the ones that ask. */
export function splitClauses(text: string): Clause[] {
  const sentences = text
    .split(SENTENCE)
    .flatMap((sentence) => (wordCount(sentence) > LONG_SENTENCE_WORDS ? sentence.split(/(?<=,)\s+/) : [sentence]))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (sentences.length === 0) return [];
  const clauses: Clause[] = [];
  for (const sentence of sentences) {
    const folded = foldForMatch(sentence);
    const opener = OPENERS.test(folded) ? openerAt(sentence) : -1;
    if (opener > 0) {
      clauses.push({ text: sentence.slice(0, opener).trim(), asking: false });
      clauses.push({ text: sentence.slice(opener).trim(), asking: true });
    } else {
      clauses.push({ text: sentence, asking: opener === 0 || sentence.includes('?') || (YES_NO_END.test(folded) && YES_NO_FRAME.test(folded)) || ASKING.test(folded.replace(NEGATED_ANY, ' ')) });
    }
  }
  const told = clauses.filter((c) => c.text.length > 0);
  // Someone else's wish told before the question ("Bố mẹ em muốn bán mảnh đất … Vậy phải làm gì?") is story when a
  // later sentence asks with a question mark; the citizen's own wish ("nay tôi muốn …") still asks.
  const lastMarked = told.map((c) => c.text.includes('?')).lastIndexOf(true);
  const kept = told.map((c, i) => (i < lastMarked && c.asking && isOthersWish(c.text) ? { ...c, asking: false } : c));
  // An asking part that points back at what the sentence before named ("giấy này xin ở đâu", "trường hợp này phải làm
  // gì") asks about it: that sentence asks too.
  for (let i = 1; i < kept.length; i++) {
    if (kept[i]!.asking && !kept[i - 1]!.asking && POINTS_BACK.test(foldForMatch(kept[i]!.text))) kept[i - 1] = { ...kept[i - 1]!, asking: true, pointedAt: true };
  }
  // Nothing sounds like a question: the last sentence is where people usually put what they want.
  if (!kept.some((c) => c.asking)) kept[kept.length - 1] = { text: kept[kept.length - 1]!.text, asking: true };
  return kept;
}

/** Where an opener ("xin hỏi", "cho em hỏi") starts in the sentence, as an offset in characters; -1 when none. */
function openerAt(sentence: string): number {
  // Fold word by word so that a match in the folded text maps back to a word of the sentence as typed.
  const raw = [...sentence.matchAll(/\S+/g)];
  let folded = '';
  const wordAt: number[] = [];
  raw.forEach((word, i) => {
    const f = foldForMatch(word[0]);
    if (!f) return;
    if (folded) folded += ' ';
    for (let c = 0; c < f.length; c++) wordAt[folded.length + c] = i;
    folded += f;
  });
  const match = OPENERS.exec(folded);
  if (!match) return -1;
  const word = raw[wordAt[match.index] ?? 0];
  return word?.index ?? -1;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** What the message asks, as text: its asking clauses, not those it only points back at. */
export function askingText(clauses: readonly Clause[]): string {
  return clauses.filter((clause) => clause.asking && !clause.pointedAt).map((clause) => clause.text).join(' ');
}
