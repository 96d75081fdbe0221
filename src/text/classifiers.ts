/**
 * Noun classifiers citizens put between a verb and its object ("bán căn nhà", "sang tên mảnh đất", "mua chiếc xe"),
 * folded. They do not break an everyday phrase: "bán căn nhà" still says "bán nhà".
 */
export const NOUN_CLASSIFIERS: ReadonlySet<string> = new Set(['cai', 'chiec', 'manh', 'cuon']);

/**
 * Folded text without its noun classifiers. "Căn" is one only before a dwelling ("căn nhà", "căn hộ"): folded it is
 * also "cần" (to need) and the first half of "căn cước".
 */
export function dropClassifiers(folded: string): string {
  return ` ${folded} `
    .replace(/ (?:cai|chiec|manh|cuon)(?= )/g, '')
    .replace(/ can(?= (?:nha|ho|phong) )/g, '')
    .trim();
}
