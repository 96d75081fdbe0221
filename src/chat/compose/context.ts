import type { Entry, WardSettings } from '../../knowledge/schema.js';
import { ASPECT_TABLE } from '../../understand/aspect-table.js';
import { containsPhrase, foldedTokens } from '../../understand/detect-aspect.js';
import { pick } from './format.js';
import type { Sources } from './sources.js';
import type { Aspect, Language } from './types.js';

/** What every section of one answer needs; `handover` is raised by a section that could not answer. */
export interface ComposeContext {
  sources: Sources;
  language: Language;
  ward: WardSettings | undefined;
  handover: boolean;
}

type Specific = Exclude<Aspect, 'general'>;

const LABELS: Record<Specific, Record<Language, string>> = {
  documents: { vi: 'giấy tờ cần mang', en: 'documents to bring' },
  fee: { vi: 'lệ phí', en: 'fees' },
  time: { vi: 'thời gian giải quyết', en: 'processing time' },
  where: { vi: 'nơi nộp', en: 'where to file' },
  steps: { vi: 'các bước thực hiện', en: 'steps' },
  conditions: { vi: 'điều kiện', en: 'eligibility' },
  online: { vi: 'nộp trực tuyến', en: 'filing online' },
  result: { vi: 'kết quả nhận được', en: 'what you receive' },
};

const MISSING: Record<Specific, Record<Language, string>> = {
  documents: { vi: 'thành phần giấy tờ', en: 'the documents required' },
  fee: { vi: 'lệ phí', en: 'the fee' },
  time: { vi: 'thời hạn giải quyết', en: 'the processing time' },
  where: { vi: 'nơi tiếp nhận hồ sơ', en: 'where to file' },
  steps: { vi: 'các bước thực hiện', en: 'the steps' },
  conditions: { vi: 'điều kiện thực hiện', en: 'the conditions' },
  online: { vi: 'cách nộp trực tuyến', en: 'how to file online' },
  result: { vi: 'kết quả nhận được', en: 'what you receive' },
};

/** The short name of an aspect for a follow-up button ("lệ phí" / "fees"). */
export function aspectLabel(aspect: Specific, language: Language): string {
  return LABELS[aspect][language];
}

/** The procedure's name as the answer writes it: Vietnamese official name, after the English one in English. */
export function displayTitle(entry: Entry, language: Language): string {
  if (language === 'en' && entry.title.en) return `“${entry.title.en}” (${entry.title.vi})`;
  return `“${entry.title.vi}”`;
}

/** Says plainly that the entry does not state this aspect, and raises the hand-over offer. */
export function missingFact(ctx: ComposeContext, aspect: Specific): string {
  ctx.handover = true;
  const title = displayTitle(ctx.sources.entry, ctx.language);
  return pick(
    ctx.language,
    `Dạ, thông tin về thủ tục ${title} hiện chưa ghi ${MISSING[aspect].vi}. `
      + 'Cán bộ tại quầy sẽ hướng dẫn bạn.',
    `The information I have on ${title} does not state ${MISSING[aspect].en}. `
      + 'An official at the counter can tell you.',
  );
}

const MAX_NOTES = 2;

/** Officials' practical notes that speak about the aspect, to follow the answer (at most two). */
export function notesFor(ctx: ComposeContext, aspect: Specific): string[] {
  const mentions = ASPECT_TABLE.find((row) => row.aspect === aspect)?.mentions.map((m) => m.split(' ')) ?? [];
  const prefix = pick(ctx.language, 'Lưu ý: ', 'Note (in Vietnamese): ');
  return ctx.sources.entry.notes
    .filter((note) => {
      const tokens = foldedTokens(note);
      return mentions.some((words) => containsPhrase(tokens, words));
    })
    .slice(0, MAX_NOTES)
    .map((note) => `${prefix}${note}`);
}
