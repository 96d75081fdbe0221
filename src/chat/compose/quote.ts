import { trimPassage, pick } from './format.js';
import type { RawPassage } from './sources.js';
import type { Language } from './types.js';

/**
 * An official passage the importer could not parse, shown word for word in quotation marks with its link, so that
 * nobody mistakes it for the assistant's own reading of the record.
 */
export function quoteOfficial(passage: RawPassage, language: Language): string {
  const { text, cut } = trimPassage(passage.text);
  const url = passage.from.url;
  const source = pick(
    language,
    `(Trích nguyên văn từ hồ sơ chính thức${cut ? ', đã rút gọn' : ''}${url ? `. Xem đầy đủ: ${url}` : ''})`,
    `(Quoted word for word from the official record, in Vietnamese${cut ? ', shortened' : ''}`
      + `${url ? `. Full text: ${url}` : ''})`,
  );
  return `“${text}”\n${source}`;
}
