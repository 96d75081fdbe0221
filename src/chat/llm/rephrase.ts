import { z } from 'zod';
import type { Entry } from '../../knowledge/schema.js';
import type { Logger } from '../../shared/logger.js';
import type { Language } from '../../text/index.js';

/** Optional rewording of a composed answer by a language model; undefined means "keep the composed text". */
export interface Rephraser {
  rephrase(input: { text: string; entry: Entry; language: Language }): Promise<string | undefined>;
}

export interface LlmRephraserOptions {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1 */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  logger: Logger;
  fetch?: typeof fetch;
}

const CompletionSchema = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });
const CITATION_MARK = '[1]';

/**
 * Asks an OpenAI-compatible chat-completions endpoint to reword an answer, given only the retrieved entry's
 * fields. The reworded text is accepted only if it keeps the citation mark and introduces no number that the
 * composed answer or the entry does not contain; on any failure or timeout the composed answer stands.
 */
export function createLlmRephraser({ url, model, apiKey, timeoutMs = 4000, logger, fetch: doFetch = fetch }: LlmRephraserOptions): Rephraser {
  const log = logger.child({ module: 'llm' });
  return {
    async rephrase({ text, entry, language }) {
      const facts = JSON.stringify({ title: entry.title, summary: entry.summary, channels: entry.channels, documents: entry.documents, steps: entry.steps, conditions: entry.conditions, levels: entry.levels, agencies: entry.agencies });
      const system =
        language === 'en'
          ? `Rewrite the ANSWER for a citizen in plain, short, polite English. Use only facts from the ANSWER and the FIELDS; never add a number, fee, time, place or requirement. End with ${CITATION_MARK}.`
          : `Viết lại CÂU TRẢ LỜI cho người dân bằng tiếng Việt ngắn gọn, dễ hiểu, lịch sự. Chỉ dùng thông tin trong CÂU TRẢ LỜI và FIELDS; không thêm con số, lệ phí, thời hạn, địa điểm hay điều kiện nào khác. Kết thúc bằng ${CITATION_MARK}.`;
      try {
        const response = await doFetch(`${url.replace(/\/$/, '')}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          body: JSON.stringify({ model, temperature: 0.2, messages: [{ role: 'system', content: system }, { role: 'user', content: `FIELDS: ${facts}\n\nANSWER: ${text}` }] }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) {
          log.warn({ status: response.status }, 'rephrasing failed; composed answer kept');
          return undefined;
        }
        const content = CompletionSchema.parse(await response.json()).choices[0]?.message.content.trim() ?? '';
        if (!acceptRephrasing(content, `${text}\n${facts}`)) {
          log.warn('rephrasing rejected (no citation or new facts); composed answer kept');
          return undefined;
        }
        return content.replace(CITATION_MARK, '').trim();
      } catch (error) {
        log.warn({ reason: error instanceof Error ? error.name : 'error' }, 'rephrasing failed; composed answer kept');
        return undefined;
      }
    },
  };
}

/** A rewording is usable when it cites the source and every number in it already appears in the source text. */
export function acceptRephrasing(candidate: string, source: string): boolean {
  if (!candidate.includes(CITATION_MARK) || candidate.length < 10) return false;
  const digits = (value: string) => new Set((value.match(/\d+/g) ?? []).map((d) => d.replace(/^0+(?=\d)/, '')));
  const known = digits(source.replace(/(\d)[.,](\d{3})/g, '$1$2'));
  for (const number of digits(candidate.replace(CITATION_MARK, '').replace(/(\d)[.,](\d{3})/g, '$1$2'))) {
    if (!known.has(number)) return false;
  }
  return true;
}
