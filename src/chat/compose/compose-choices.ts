import type { Entry } from '../../knowledge/schema.js';
import { pick } from './format.js';
import type { Choice, ComposedChoices, ComposedFallback, ComposeFallbackOptions, Language } from './types.js';

const MAX_CHOICES = 5;
const MAX_SUGGESTIONS = 3;

/** A procedure's name for a button: the Vietnamese official name, after the English one in English. */
export function choiceLabel(entry: Entry, language: Language): string {
  return language === 'en' && entry.title.en ? `${entry.title.en} (${entry.title.vi})` : entry.title.vi;
}

/** Asks which of several close procedures the citizen means. */
export function composeChoices(entries: readonly Entry[], language: Language): ComposedChoices {
  const choices = toChoices(entries, MAX_CHOICES, language);
  const lines = [pick(language, 'Dạ, bạn muốn hỏi về thủ tục nào ạ?', 'Which procedure do you mean?')];
  choices.forEach((choice, i) => lines.push(`${i + 1}. ${choice.label}`));
  return { text: lines.join('\n'), choices, citations: [] };
}

/** Says politely that the assistant cannot answer, suggests close procedures and offers an official. */
export function composeFallback(options: ComposeFallbackOptions): ComposedFallback {
  const { language, reason } = options;
  const suggestions = toChoices(options.suggestions, MAX_SUGGESTIONS, language);
  const blocks = [
    reason === 'out-of-scope'
      ? pick(language,
        'Dạ, xin lỗi bạn, tôi chỉ hỗ trợ về thủ tục hành chính và bộ phận một cửa của phường, '
          + 'nên không trả lời được câu hỏi này.',
        'Sorry, I can only help with administrative procedures and the ward’s one-stop desk, '
          + 'so I cannot answer this question.')
      : pick(language,
        'Dạ, xin lỗi bạn, tôi chưa hiểu rõ câu hỏi hoặc chưa có thông tin chắc chắn để trả lời.',
        'Sorry, I am not sure I understood, or I do not have reliable information to answer that.'),
  ];
  if (suggestions.length > 0) {
    const lead =
      reason === 'unsure'
        ? pick(language, 'Có phải bạn muốn hỏi về một trong các thủ tục sau?', 'Did you mean one of these procedures?')
        : pick(language, 'Tôi có thể giúp bạn về các thủ tục như:', 'I can help with procedures such as:');
    blocks.push([lead, ...suggestions.map((s, i) => `${i + 1}. ${s.label}`)].join('\n'));
  }
  blocks.push(pick(language, 'Bạn có muốn gặp cán bộ không?', 'Would you like to speak with an official?'));
  return { text: blocks.join('\n\n'), suggestions, citations: [], handover: true };
}

function toChoices(entries: readonly Entry[], max: number, language: Language): Choice[] {
  const seen = new Set<string>();
  return entries
    .filter((entry) => !seen.has(entry.id) && Boolean(seen.add(entry.id)))
    .slice(0, max)
    .map((entry) => ({ id: entry.id, label: choiceLabel(entry, language) }));
}
