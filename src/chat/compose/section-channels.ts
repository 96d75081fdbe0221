import type { Channel } from '../../knowledge/schema.js';
import { displayTitle, missingFact, notesFor, type ComposeContext } from './context.js';
import { channelLabel, formatNumber, formatTime, formatVnd, joinWords, pick } from './format.js';
import { isTranslatedFee } from './english.js';
import { quoteOfficial } from './quote.js';
import { pickList, pickRaw, pickUrl } from './sources.js';
import type { Language } from './types.js';

type Fee = NonNullable<Channel['fee']>;

/** A fee in words: the amount when one was read, otherwise the official wording in quotation marks. */
export function formatFee(fee: Fee, language: Language): string {
  if (fee.amountVnd === 0) return pick(language, 'Miễn phí', 'Free of charge');
  if (isTranslatedFee(fee)) {
    // An official's English rendering, not the record's words: never presented as "the official wording".
    const amount = fee.amountVnd === undefined ? undefined : formatVnd(fee.amountVnd, language);
    return amount && !fee.text.includes(amount) ? `${amount} (${fee.text})` : fee.text;
  }
  if (fee.amountVnd === undefined) {
    return pick(language, `“${fee.text}”`, `as written in the official record: “${fee.text}”`);
  }
  const amount = formatVnd(fee.amountVnd, language);
  if (language === 'vi') return fee.text.includes(amount) ? fee.text : `${amount} (${fee.text})`;
  return fee.text.trim() === formatVnd(fee.amountVnd, 'vi') ? amount : `${amount} (official wording: “${fee.text}”)`;
}

/** The fee per channel ("Nộp trực tiếp: Miễn phí. Nộp trực tuyến: 7.000 đồng."). */
export function composeFee(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const title = displayTitle(ctx.sources.entry, language);
  const channels = pickList(ctx.sources, 'channels');
  const priced = channels.filter((channel) => channel.fee);
  if (priced.length === 0) {
    const intro = pick(language, `Dạ, về lệ phí thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the fee for ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'fee', intro);
  }
  const notes = notesFor(ctx, 'fee');
  if (priced.length === channels.length && priced.every((c) => c.fee?.amountVnd === 0)) {
    const ways = joinWords(lowerLabels(channels, language), language, pick(language, 'hay', 'or'));
    const all = channels.length > 1 ? pick(language, `, dù bạn ${ways}`, `, whether you file ${ways}`) : '';
    return [pick(language, `Dạ, thủ tục ${title} được miễn phí${all}.`, `${title} is free of charge${all}.`), ...officialFeeNotes(ctx, channels), ...notes];
  }
  const none = pick(language, 'không ghi lệ phí', 'no fee stated');
  const lines = channels.map((c) => `${channelLabel(c.kind, language)}: ${c.fee ? formatFee(c.fee, language) : none}.`);
  return [[pick(language, `Dạ, lệ phí thủ tục ${title}:`, `Fees for ${title}:`), ...lines].join('\n'), ...officialFeeNotes(ctx, channels), ...notes];
}

/**
 * The fee notes of the official records a curated entry covers ("Phí cấp bản sao Trích lục ...", "10 USD/bản"),
 * quoted word for word when the curated text does not already say them: a curated summary must not drop them.
 */
function officialFeeNotes(ctx: ComposeContext, shown: readonly Channel[]): string[] {
  if (ctx.sources.entry.id.startsWith('dvc-')) return [];
  const said = shown.map((c) => c.fee?.text ?? '').join(' ');
  const notes = new Set<string>();
  for (const record of ctx.sources.folded) {
    for (const channel of record.channels) {
      const text = channel.fee?.text;
      if (!text || (channel.fee?.amountVnd === 0 && !text.includes('('))) continue;
      if (said.includes(text) || [...notes].includes(text)) continue;
      notes.add(text);
      ctx.sources.used.add(record);
    }
  }
  if (notes.size === 0) return [];
  const lead = pick(ctx.language, 'Hồ sơ chính thức ghi về lệ phí:', 'The official record says about fees:');
  return [[lead, ...[...notes].slice(0, 4).map((note) => `“${note}”`)].join('\n')];
}

/**
 * The processing time per channel, each with the case it is for when the record gives one; a time written only in
 * the channel's description is quoted word for word; a time without a unit is quoted as the record gives it.
 */
export function composeTime(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const title = displayTitle(ctx.sources.entry, language);
  const channels = pickList(ctx.sources, 'channels');
  const timed = channels.filter((channel) => channel.time || channel.timeText);
  const byLaw = composeLegalTimeLimits(ctx);
  if (timed.length === 0) {
    if (byLaw) return [byLaw, ...timeNotes(ctx)];
    const intro = pick(language, `Dạ, về thời gian giải quyết thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the processing time for ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'time', intro);
  }
  const unitless = timed.some((c) => c.time && !c.time.unit);
  const values = timed.map((c) => describeTime(c, language));
  const sameEverywhere = timed.length === channels.length && new Set(values).size === 1 && !timed.some((c) => c.case);
  let body: string[];
  if (sameEverywhere && unitless && !timed[0]?.timeText) {
    body = [pick(language, `Dạ, hồ sơ chính thức ghi thời gian giải quyết thủ tục ${title} là ${values[0]} nhưng không ghi đơn vị thời gian.`,
      `The official record gives the processing time for ${title} as ${values[0]} but states no unit of time.`)];
  } else {
    // Every channel stating the same time (or the same official passage) is said once, not once per channel.
    body = sameEverywhere
      ? [`${leadFor(title, unitless, language)}: ${values[0]}`]
      : [`${leadFor(title, unitless, language)}:`, ...timed.map((c, i) => `${channelLabel(c.kind, language)}${c.case ? ` (${c.case})` : ''}: ${values[i]}`)];
    if (unitless) body.push(pick(language, 'Hồ sơ chính thức không ghi đơn vị thời gian cho con số trong ngoặc kép.', 'The official record states no unit of time for the number in quotation marks.'));
  }
  if (unitless) {
    // The catalogue sometimes gives a bare number ("Trực tuyến1Miễn phí"): the citizen must not read it as days,
    // and is told once, plainly, where the real time can be learnt.
    ctx.handover = true;
    body.push(askForUnit(ctx));
  }
  return [body.join('\n'), ...(byLaw ? [byLaw] : []), ...timeNotes(ctx)];
}

/** The officials' notes on time, less those that repeat a legal limit just cited ("Trong 60 ngày kể từ ngày sinh …"). */
function timeNotes(ctx: ComposeContext): string[] {
  const durations = (text: string) => text.match(/\d+ ngày/g)?.map((d) => d.replace(/^0+/, '')) ?? [];
  const cited = new Set((ctx.sources.entry.legalTimeLimits ?? []).flatMap((limit) => durations(limit.text.vi)));
  return notesFor(ctx, 'time').filter((note) => !durations(note).some((d) => cited.has(d)));
}

/**
 * The time limits the law sets (the citizen's deadline to act, the agency's time to decide), each with the law and
 * article that set it (docs/facts.md, "Legal time limits").
 */
function composeLegalTimeLimits(ctx: ComposeContext): string | undefined {
  const limits = ctx.sources.entry.legalTimeLimits ?? [];
  if (limits.length === 0) return undefined;
  const { language } = ctx;
  const lines = limits.map((limit) => {
    const text = language === 'en' && limit.text.en ? limit.text.en : limit.text.vi;
    const basis = [limit.basis.title, limit.basis.number].filter(Boolean).join(' ');
    return `- ${text.replace(/[.]$/, '')} (${basis}, ${limit.basis.article}).`;
  });
  return [pick(language, 'Thời hạn theo luật:', 'Time limits set by law (the law is cited in Vietnamese):'), ...lines].join('\n');
}

function leadFor(title: string, unitless: boolean, language: Language): string {
  return unitless
    ? pick(language, `Dạ, thời gian giải quyết thủ tục ${title} ghi trong hồ sơ chính thức`, `Processing time for ${title}, as given in the official record`)
    : pick(language, `Dạ, thời gian giải quyết thủ tục ${title}`, `Processing time for ${title}`);
}

/** What to do about a time the record gives without a unit: ask at the counter, or read the cited page. */
function askForUnit(ctx: ComposeContext): string {
  const url = pickUrl(ctx.sources);
  return url
    ? pick(ctx.language, `Để biết chính xác, bạn hỏi cán bộ tại quầy hoặc xem trang thủ tục: ${url}`,
      `To know exactly, ask an official at the counter or see the procedure page: ${url}`)
    : pick(ctx.language, 'Để biết chính xác, bạn hỏi cán bộ tại quầy.', 'To know exactly, ask an official at the counter.');
}

/** A time as the answer writes it: with its unit, or the bare number in quotation marks when the record gives none. */
function timeValue(time: NonNullable<Channel['time']>, language: Language): string {
  return time.unit ? formatTime(time, language) : `“${formatNumber(time.value, language)}”`;
}

function describeTime(channel: Channel, language: Language): string {
  if (channel.time && channel.timeText) {
    // The description gives durations for other cases too: they stay with the time, word for word.
    return `${timeValue(channel.time, language)}; ${pick(language, 'hồ sơ chính thức ghi', 'the official record says')} ${quoteTime(channel.timeText, language)}`;
  }
  if (channel.time) return channel.time.unit ? `${formatTime(channel.time, language)}.` : timeValue(channel.time, language);
  return pick(language, `hồ sơ chính thức ghi ${quoteTime(channel.timeText ?? '', language)}`,
    `the official record says ${quoteTime(channel.timeText ?? '', language)}`);
}

function quoteTime(text: string, language: Language): string {
  return `“${text}” ${pick(language, '(trích nguyên văn)', '(quoted word for word, in Vietnamese)')}`;
}

/** Whether and how the procedure can be filed online, with that channel's time, fee and the procedure page. */
export function composeOnline(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const title = displayTitle(ctx.sources.entry, language);
  const channels = pickList(ctx.sources, 'channels');
  const online = channels.find((channel) => channel.kind === 'truc-tuyen');
  if (!online && channels.length === 0) {
    const intro = pick(language, `Dạ, về cách nộp hồ sơ thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On how to file ${title}, the official record says:`);
    return quoteOrMissing(ctx, 'online', intro);
  }
  if (!online) {
    const ways = joinWords(lowerLabels(channels, language), language, pick(language, 'hoặc', 'or'));
    return [pick(language, `Dạ, thông tin về thủ tục ${title} không ghi cách nộp trực tuyến. Cách nộp được ghi: ${ways}.`,
      `The information on ${title} does not mention filing online. Ways to file that are listed: ${ways}.`)];
  }
  const lines = [pick(language, `Dạ, thủ tục ${title} có thể nộp trực tuyến.`, `${title} can be filed online.`)];
  if (online.description) lines.push(online.description);
  if (online.time?.unit) lines.push(`${pick(language, 'Thời gian giải quyết', 'Processing time')}: ${formatTime(online.time, language)}.`);
  else if (online.time) {
    lines.push(pick(language, `Thời gian giải quyết: hồ sơ chính thức ghi ${timeValue(online.time, language)} nhưng không ghi đơn vị thời gian.`,
      `Processing time: the official record gives ${timeValue(online.time, language)} but states no unit of time.`));
  }
  if (online.fee) lines.push(`${pick(language, 'Lệ phí', 'Fee')}: ${formatFee(online.fee, language)}.`);
  const url = pickUrl(ctx.sources);
  if (url) lines.push(`${pick(language, 'Trang thủ tục', 'Procedure page')}: ${url}`);
  return [lines.join('\n'), ...notesFor(ctx, 'online')];
}

/** One short line on fees for the overview, only when every amount is known. */
export function summarizeFee(ctx: ComposeContext): string | undefined {
  const channels = pickList(ctx.sources, 'channels').filter((c) => c.fee);
  if (channels.length === 0 || channels.some((c) => c.fee?.amountVnd === undefined)) return undefined;
  const values = channels.map((c) => formatFee(c.fee as Fee, ctx.language));
  const label = pick(ctx.language, 'Lệ phí', 'Fee');
  if (new Set(values).size === 1) return `${label}: ${values[0]}.`;
  const labels = lowerLabels(channels, ctx.language);
  return `${label}: ${channels.map((_, i) => `${labels[i]} ${values[i]}`).join('; ')}.`;
}

/**
 * One short line on processing time for the overview, only when every channel gives the same one with its unit: a
 * bare number needs the explanation the time answer gives, and saying it here too would say it twice.
 */
export function summarizeTime(ctx: ComposeContext): string | undefined {
  const timed = pickList(ctx.sources, 'channels').filter((c) => c.time);
  if (timed.some((c) => !c.time?.unit)) return undefined;
  const values = timed.map((c) => formatTime(c.time ?? { value: 0 }, ctx.language));
  if (values.length === 0 || new Set(values).size !== 1) return undefined;
  return `${pick(ctx.language, 'Thời gian giải quyết', 'Processing time')}: ${values[0]}.`;
}

function lowerLabels(channels: readonly Channel[], language: Language): string[] {
  return channels.map((c) => channelLabel(c.kind, language).toLocaleLowerCase('vi'));
}

function quoteOrMissing(ctx: ComposeContext, aspect: 'fee' | 'time' | 'online', intro: string): string[] {
  const raw = pickRaw(ctx.sources, 'channels');
  return raw ? [`${intro}\n${quoteOfficial(raw, ctx.language)}`] : [missingFact(ctx, aspect)];
}
