import { citeSources } from './citations.js';
import type { ComposeContext } from './context.js';
import { pick } from './format.js';
import { askFollowUps, listFollowUps } from './follow-ups.js';
import { composeFee, composeOnline, composeTime } from './section-channels.js';
import { composeDocuments } from './section-documents.js';
import { composeGeneral, composeLookup } from './section-general.js';
import { composeConditions, composeResult, composeSteps } from './section-lists.js';
import { composeWardCard, composeWhere } from './section-where.js';
import { englishNotice, englishView } from './english.js';
import { createSources, pickUrl } from './sources.js';
import type { Aspect, ComposeAnswerOptions, ComposedAnswer } from './types.js';

/** Entries answered from something other than the general procedure layout. */
export const WARD_DESK_ENTRY_ID = 'thong-tin-bo-phan-mot-cua';
export const LOOKUP_ENTRY_ID = 'tra-cuu-ho-so';

const SECTIONS: Record<Aspect, (ctx: ComposeContext) => string[]> = {
  general: composeGeneral,
  documents: composeDocuments,
  fee: composeFee,
  time: composeTime,
  where: composeWhere,
  steps: composeSteps,
  conditions: composeConditions,
  online: composeOnline,
  result: composeResult,
};

// "Bao giờ có kết quả?" about the look-up entry asks how to find out, not how long the look-up takes.
const LOOKUP_ASPECTS: ReadonlySet<Aspect> = new Set(['general', 'time', 'result', 'where', 'online', 'steps']);

/** Composes a citizen's answer from one entry: the asked part first, then follow-ups, with its citations. */
export function composeAnswer(options: ComposeAnswerOptions): ComposedAnswer {
  const { entry, aspect, language, ward } = options;
  const wardCard = entry.id === WARD_DESK_ENTRY_ID;
  // In English a curated entry speaks through its English texts where it has them (docs/kiosk-ui.md, "English").
  const shown = language === 'en' && !wardCard ? englishView(entry) : entry;
  const ctx: ComposeContext = { sources: createSources(shown, options.folded), language, ward, handover: false };
  const lookup = entry.id === LOOKUP_ENTRY_ID && LOOKUP_ASPECTS.has(aspect);
  const blocks = wardCard ? composeWardCard(ctx) : lookup ? composeLookup(ctx) : SECTIONS[aspect](ctx);

  // The ward card shows the ward's own settings, which an official keeps; the entry's "unverified" flag is about
  // its generic text, so the guidance note would only confuse there.
  if (!entry.verified && !wardCard) {
    ctx.handover = true;
    blocks.push(pick(language,
      'Thông tin này là hướng dẫn chung, cán bộ phường sẽ xác nhận lại khi bạn đến quầy.',
      'This is general guidance; an official at the ward will confirm it with you at the counter.'));
  }
  if (language === 'en') {
    const quotesRecord = ctx.sources.used.size > 0;
    const notice = wardCard ? undefined : englishNotice(entry, pickUrl(ctx.sources), language, quotesRecord);
    if (notice) blocks.push(notice);
    blocks.push('Official documents and forms are in Vietnamese.');
  }
  const followUps = wardCard ? [] : listFollowUps(ctx, lookup ? LOOKUP_ASPECTS : new Set([aspect]));
  const question = askFollowUps(followUps, ctx);
  if (question) blocks.push(question);
  if (ctx.handover) {
    blocks.push(pick(language, 'Bạn có muốn gặp cán bộ để được hướng dẫn cụ thể không?',
      'Would you like to speak with an official?'));
  }

  return { text: blocks.join('\n\n'), citations: citeSources(ctx.sources), followUps, handover: ctx.handover };
}
