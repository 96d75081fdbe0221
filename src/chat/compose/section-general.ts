import type { Entry } from '../../knowledge/schema.js';
import { displayTitle, type ComposeContext } from './context.js';
import { pick } from './format.js';
import { composeSteps } from './section-lists.js';
import { summarizeFee, summarizeTime } from './section-channels.js';
import { summarizeDocuments } from './section-documents.js';
import { summarizeWhere } from './section-where.js';
import { pickList } from './sources.js';
import type { Language } from './types.js';

/** A short overview: the summary, then one line each for where, how many papers, fee and time when known. */
export function composeGeneral(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const entry = ctx.sources.entry;
  const summary = summaryIn(entry, language);
  const about = pick(language, `Dạ, về thủ tục ${displayTitle(entry, 'vi')}:`, `About ${displayTitle(entry, 'en')}:`);
  const lead = summary ? `${about}\n${summary}` : about;
  const facts = [
    summarizeWhere(ctx),
    summarizeDocuments(ctx),
    summarizeFee(ctx),
    summarizeTime(ctx),
  ].filter((line): line is string => line !== undefined);
  return facts.length > 0 ? [lead, facts.join('\n')] : [lead];
}

/** The dossier look-up entry: its summary, then the steps, whatever the citizen asked about it. */
export function composeLookup(ctx: ComposeContext): string[] {
  const entry = ctx.sources.entry;
  const summary = summaryIn(entry, ctx.language);
  const about = pick(ctx.language, `Dạ, về ${displayTitle(entry, 'vi')}:`, `About ${displayTitle(entry, 'en')}:`);
  const steps = pickList(ctx.sources, 'steps');
  if (steps.length === 0) return summary ? [`${about}\n${summary}`] : composeSteps(ctx);
  const list = [pick(ctx.language, 'Các bước:', 'Steps:'), ...steps.map((step, i) => `${i + 1}. ${step}`)].join('\n');
  return [summary ? `${about}\n${summary}` : about, list];
}

function summaryIn(entry: Entry, language: Language): string | undefined {
  if (!entry.summary) return undefined;
  return language === 'en' && entry.summary.en ? entry.summary.en : entry.summary.vi;
}
