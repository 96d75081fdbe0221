/**
 * Small text helpers for citizen input. Kept here rather than borrowed from retrieval/normalize so that forms
 * depend on nothing but shared code.
 */

/** NFC (some keyboards send decomposed Vietnamese), trimmed, inner whitespace collapsed to one space. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower case without diacritics (đ → d), for matching what people type with or without accents. */
export function foldText(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd');
}
