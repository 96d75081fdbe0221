import { aspectLabel, type ComposeContext } from './context.js';
import { joinWords, pick } from './format.js';
import { hasField, peekList, peekValue } from './sources.js';
import type { Aspect, FollowUp } from './types.js';

type Specific = Exclude<Aspect, 'general'>;

// The order citizens usually need them in at the counter.
const ORDER: readonly Specific[] = ['documents', 'fee', 'time', 'where', 'steps', 'conditions', 'online', 'result'];
const MAX_FOLLOW_UPS = 4;

/** The other aspects this entry can answer, at most four, in the order citizens need them. */
export function listFollowUps(ctx: ComposeContext, answered: ReadonlySet<Aspect>): FollowUp[] {
  return ORDER.filter((aspect) => !answered.has(aspect) && canAnswer(ctx, aspect))
    .slice(0, MAX_FOLLOW_UPS)
    .map((aspect) => ({ label: aspectLabel(aspect, ctx.language), aspect }));
}

/** "Bạn có muốn biết thêm: giấy tờ cần mang, lệ phí, thời gian giải quyết, nơi nộp?" */
export function askFollowUps(followUps: readonly FollowUp[], ctx: ComposeContext): string | undefined {
  if (followUps.length === 0) return undefined;
  const labels = followUps.map((f) => f.label);
  return pick(ctx.language, `Bạn có muốn biết thêm: ${labels.join(', ')}?`,
    `Would you like to know more: ${joinWords(labels, 'en', 'or')}?`);
}

function canAnswer(ctx: ComposeContext, aspect: Specific): boolean {
  const { sources } = ctx;
  const channels = peekValue(sources, 'channels');
  const rawChannels = !peekList(sources, 'channels') && hasField(sources, 'channels');
  switch (aspect) {
    case 'documents':
    case 'steps':
    case 'result':
      return hasField(sources, aspect);
    case 'conditions':
      return hasField(sources, 'conditions') || peekList(sources, 'whoMayFile');
    case 'fee':
      return channels.some((c) => c.fee) || rawChannels;
    case 'time':
      return channels.some((c) => c.time || c.timeText) || rawChannels || (sources.entry.legalTimeLimits ?? []).length > 0;
    case 'online':
      return channels.some((c) => c.kind === 'truc-tuyen');
    case 'where':
      // Every entry has its level, and the answer states at least that.
      return true;
  }
}
