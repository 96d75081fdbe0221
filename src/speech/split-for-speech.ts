// Pure and dependency-free: the kiosk bundles it too, so what the kiosk asks for and what the tests speak are cut
// the same way.

/** Longest first piece: it alone stands between "Đọc to" and the first sound (docs/speech.md). */
export const SPEECH_FIRST_PIECE_CHARS = 250;
/** Longest later piece (the route's limit): each synthesis has a fixed cost, so fewer, longer pieces are cheaper. */
export const SPEECH_PIECE_CHARS = 1000;

export interface SplitForSpeechOptions {
  firstChars?: number;
  maxChars?: number;
}

/**
 * Cuts an answer into pieces at paragraph and sentence ends (then commas, then spaces): a short first piece so
 * the sound starts soon, then pieces of up to `maxChars` synthesised while the previous one plays. Pieces with
 * nothing to say are dropped.
 */
export function splitForSpeech(text: string, { firstChars = SPEECH_FIRST_PIECE_CHARS, maxChars = SPEECH_PIECE_CHARS }: SplitForSpeechOptions = {}): string[] {
  const sentences = text
    .split(/\n+|(?<=[.!?…:;])\s+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const pieces: string[] = [];
  let current = '';
  const limit = () => (pieces.length === 0 ? Math.min(firstChars, maxChars) : maxChars);
  const queue = sentences.flatMap((s) => cutLong(s, Math.min(firstChars, maxChars)));
  for (const sentence of queue) {
    if (current && current.length + 1 + sentence.length > limit()) {
      pieces.push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function cutLong(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const at = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
    const space = window.lastIndexOf(' ');
    const cut = at > maxChars / 3 ? at + 1 : space > 0 ? space : maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
