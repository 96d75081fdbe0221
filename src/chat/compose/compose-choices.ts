import type { Entry } from '../../knowledge/schema.js';
import { levelsLabel, pick } from './format.js';
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
  const picked = entries.filter((entry) => !seen.has(entry.id) && Boolean(seen.add(entry.id))).slice(0, max);
  return distinctLabels(picked, language).map((label, i) => ({ id: (picked[i] as Entry).id, label }));
}

// What tells records of the same name apart, tried in turn: the agency, the level, the field, then the code.
const DISTINGUISHERS: ReadonlyArray<(entry: Entry, language: Language) => string | undefined> = [
  (entry) => entry.agencies.receiving ?? entry.agencies.deciding,
  (entry, language) => levelsLabel(entry.levels, language),
  (entry) => entry.field,
  (entry) => entry.codes[0] ?? entry.id,
];

/**
 * One label per entry, never two alike: records with identical official names ("Hỗ trợ phát triển sản xuất cộng
 * đồng.", ten of them) get the first detail that differs between them, and the code as the last resort.
 */
export function distinctLabels(entries: readonly Entry[], language: Language): string[] {
  const labels = entries.map((entry) => choiceLabel(entry, language));
  for (const distinguisher of DISTINGUISHERS) {
    const clashing = labels.map((label, i) => labels.some((other, j) => j !== i && other === label));
    if (!clashing.includes(true)) break;
    const base = [...labels];
    entries.forEach((entry, i) => {
      if (!clashing[i]) return;
      const detail = distinguisher(entry, language);
      if (detail) labels[i] = `${base[i]} — ${detail}`;
    });
    // A detail shared by the clashing entries tells nothing: undo it and try the next one.
    entries.forEach((_, i) => {
      if (clashing[i] && labels.filter((label) => label === labels[i]).length > 1) labels[i] = base[i] as string;
    });
  }
  return labels;
}
