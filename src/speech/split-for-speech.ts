// Pure and dependency-free: the kiosk bundles it too, so what the kiosk asks for and what the tests speak are cut
// the same way.

/** Longest piece the kiosk asks `/api/speech` for: short pieces start playing sooner (docs/speech.md). */
export const SPEECH_PIECE_CHARS = 300;

/**
 * Cuts an answer into pieces of at most `maxChars` at paragraph and sentence ends (then commas, then spaces), so
 * the first piece can play while the next is synthesised. Empty pieces are dropped.
 */
export function splitForSpeech(text: string, maxChars = SPEECH_PIECE_CHARS): string[] {
  const sentences = text
    .split(/\n+|(?<=[.!?…:;])\s+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences.flatMap((s) => cutLong(s, maxChars))) {
    if (current && current.length + 1 + sentence.length > maxChars) {
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
