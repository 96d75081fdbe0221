import { displayTitle, missingFact, notesFor, type ComposeContext } from './context.js';
import { pick } from './format.js';
import { quoteOfficial } from './quote.js';
import { pickList, pickRaw } from './sources.js';

const MAX_ITEMS = 8;

/** The steps as a numbered list, or the official passage when the steps were not parsed. */
export function composeSteps(ctx: ComposeContext): string[] {
  const title = displayTitle(ctx.sources.entry, ctx.language);
  const steps = pickList(ctx.sources, 'steps');
  if (steps.length === 0) {
    const intro = pick(ctx.language, `Dạ, về các bước làm thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the steps for ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'steps', intro);
  }
  const lead = pick(ctx.language, `Dạ, các bước làm thủ tục ${title}:`, `Steps for ${title}:`);
  return [[lead, ...numbered(steps, ctx)].join('\n'), ...notesFor(ctx, 'steps')];
}

/** Who may file and the conditions to meet. */
export function composeConditions(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const title = displayTitle(ctx.sources.entry, language);
  const who = pickList(ctx.sources, 'whoMayFile');
  const conditions = pickList(ctx.sources, 'conditions');
  if (who.length === 0 && conditions.length === 0) {
    const intro = pick(language, `Dạ, về điều kiện của thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the conditions for ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'conditions', intro);
  }
  const lines = [pick(language, `Dạ, về thủ tục ${title}:`, `About ${title}:`)];
  if (who.length > 0) lines.push(`${pick(language, 'Người được nộp hồ sơ', 'Who may file')}: ${who.join('; ')}.`);
  if (conditions.length > 0) lines.push(`${pick(language, 'Điều kiện', 'Conditions')}:`, ...conditions.map((c) => `- ${c}`));
  return [lines.join('\n'), ...notesFor(ctx, 'conditions')];
}

/** What the citizen receives at the end. */
export function composeResult(ctx: ComposeContext): string[] {
  const title = displayTitle(ctx.sources.entry, ctx.language);
  const result = pickList(ctx.sources, 'result');
  if (result.length === 0) {
    const intro = pick(ctx.language, `Dạ, về kết quả của thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the result of ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'result', intro);
  }
  const lead = pick(ctx.language, `Dạ, làm xong thủ tục ${title}, bạn nhận được:`, `At the end of ${title} you receive:`);
  return [[lead, ...result.map((r) => `- ${r}`)].join('\n'), ...notesFor(ctx, 'result')];
}

function numbered(items: readonly string[], ctx: ComposeContext): string[] {
  const lines = items.slice(0, MAX_ITEMS).map((item, i) => `${i + 1}. ${item}`);
  const rest = items.length - MAX_ITEMS;
  if (rest > 0) lines.push(pick(ctx.language, `… và ${rest} bước nữa.`, `… and ${rest} more steps.`));
  return lines;
}

function quoteOrMissing(ctx: ComposeContext, field: 'steps' | 'conditions' | 'result', intro: string): string[] {
  const raw = pickRaw(ctx.sources, field);
  return raw ? [`${intro}\n${quoteOfficial(raw, ctx.language)}`] : [missingFact(ctx, field)];
}
