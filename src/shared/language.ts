/**
 * The two languages the assistant speaks: the one list every schema and type of a language is made from. Here, in
 * shared/, because storage records a session's language and may import nothing but shared/ (docs/ARCHITECTURE.md).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
