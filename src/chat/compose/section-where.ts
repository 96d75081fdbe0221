import type { WardSettings } from '../../knowledge/schema.js';
import { foldDiacritics } from '../../text/index.js';
import { displayTitle, notesFor, type ComposeContext } from './context.js';
import { levelsLabel, pick } from './format.js';
import { pickAgencies, pickList, pickUrl } from './sources.js';
import type { Language } from './types.js';
import { findFilingStep, findForwarding, wardReceivesFile } from './where-agency.js';

/**
 * Where the procedure is done: its level, the agency that receives the file (never the competent authority in its
 * place), the deciding agency, forwarding only when the record speaks of it, online filing if any, and the ward's
 * desk card only when the ward receives the file (docs/facts.md).
 */
export function composeWhere(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const entry = ctx.sources.entry;
  const title = displayTitle(entry, language);
  const { receiving, deciding } = pickAgencies(ctx.sources);
  const atWard = entry.levels.includes('xã');
  const wardReceives = wardReceivesFile(ctx.sources, receiving);
  const levels = levelsLabel(entry.levels, language);
  const lines = [
    atWard
      ? pick(language, `Dạ, thủ tục ${title} là thủ tục ${levels}.`, `${title} is a procedure at ${levels}.`)
      : // Said first and plainly: an elderly citizen must not queue at the ward for a provincial procedure.
        pick(language, `Dạ, thủ tục ${title} không làm tại phường. Đây là thủ tục ${levels}.`,
          `${title} is not done at the ward. It is handled at ${levels}.`),
  ];
  if (receiving) {
    lines.push(`${pick(language, 'Nơi tiếp nhận hồ sơ', 'Where to file')}: ${receiving}.`);
    if (atWard && !wardReceives) {
      lines.push(pick(language, 'Hồ sơ này không nộp tại bộ phận một cửa của phường mà tại cơ quan trên.',
        'This file is not received at the ward’s one-stop desk but by the agency above.'));
    }
  }
  if (deciding && deciding !== receiving) lines.push(`${pick(language, 'Cơ quan có thẩm quyền giải quyết', 'Competent authority')}: ${deciding}.`);
  if (!receiving) {
    ctx.handover = true;
    lines.push(pick(language, 'Hồ sơ chính thức không ghi tên cơ quan tiếp nhận hồ sơ; cán bộ tại quầy sẽ hướng dẫn bạn.',
      'The official record does not name the agency that receives the file; an official at the counter can guide you.'));
    const step = findFilingStep(ctx.sources);
    if (step) lines.push(`${pick(language, 'Trình tự thực hiện ghi', 'The official steps say')}: “${step}”`);
  }
  const forwarding = findForwarding(ctx.sources);
  if (forwarding) lines.push(`${pick(language, 'Về liên thông, hồ sơ chính thức ghi', 'On forwarding (liên thông), the official record says')}: “${forwarding}”`);
  const online = pickList(ctx.sources, 'channels').find((c) => c.kind === 'truc-tuyen');
  if (online) {
    lines.push(pick(language, 'Thủ tục này cũng có thể nộp trực tuyến.', 'This procedure can also be filed online.'));
    if (online.description && !online.timeText) lines.push(online.description);
    const url = pickUrl(ctx.sources);
    if (url && !wardReceives) lines.push(`${pick(language, 'Trang thủ tục', 'Procedure page')}: ${url}`);
  }
  const blocks = [lines.join('\n')];
  if (wardReceives && ctx.ward) blocks.push(wardDesk(ctx.ward, entry.field, language));
  return [...blocks, ...notesFor(ctx, 'where')];
}

/** The ward's one-stop desk card: address, opening hours, counters, phone — from the ward settings only. */
export function composeWardCard(ctx: ComposeContext): string[] {
  const { language, ward } = ctx;
  if (!ward) {
    ctx.handover = true;
    const summary = ctx.sources.entry.summary;
    const about = summary ? (language === 'en' && summary.en ? summary.en : summary.vi) : undefined;
    const missing = pick(language, 'Dạ, địa chỉ và giờ làm việc của phường chưa được cán bộ cập nhật. '
      + 'Bạn vui lòng hỏi cán bộ tại quầy.', 'The ward has not entered its address and opening hours yet. '
      + 'Please ask an official at the counter.');
    return about ? [about, missing] : [missing];
  }
  const lines = [
    ...exampleWarning(ward, language),
    pick(language, `Dạ, bộ phận một cửa của ${ward.wardName}:`, `The one-stop desk of ${ward.wardName}:`),
    `${pick(language, 'Địa chỉ', 'Address')}: ${ward.address}`,
    `${pick(language, 'Giờ làm việc', 'Opening hours')}:`,
    ...ward.openingHours.map((h) => `- ${h.days}: ${h.hours}`),
  ];
  if (ward.counters.length > 0) {
    const counter = pick(language, 'Quầy', 'Counter');
    lines.push(`${pick(language, 'Các quầy', 'Counters')}:`, ...ward.counters.map((c) => `- ${counter} ${c.number}: ${c.name}`));
  }
  lines.push(`${pick(language, 'Điện thoại', 'Phone')}: ${ward.phone}`);
  if (ward.email) lines.push(`Email: ${ward.email}`);
  return [lines.join('\n')];
}

/** One short line on where to file, for the overview. */
export function summarizeWhere(ctx: ComposeContext): string | undefined {
  const { language } = ctx;
  const entry = ctx.sources.entry;
  const { receiving } = pickAgencies(ctx.sources);
  // Only the receiving agency is a place to file; a competent authority alone is not (docs/facts.md).
  const agency = receiving;
  if (!entry.levels.includes('xã')) {
    const at = `${levelsLabel(entry.levels, language)}${agency ? `: ${agency}` : ''}`;
    return pick(language, `Thủ tục này không làm tại phường mà ở ${at}.`, `It is not done at the ward but at ${at}.`);
  }
  if (!agency) return undefined;
  const online = pickList(ctx.sources, 'channels').some((c) => c.kind === 'truc-tuyen');
  const or = online ? pick(language, ', hoặc nộp trực tuyến', ', or online') : '';
  return `${pick(language, 'Nơi nộp', 'Where to file')}: ${agency}${or}.`;
}

function wardDesk(ward: WardSettings, field: string | undefined, language: Language): string {
  const counter = field ? findCounter(ward, field) : undefined;
  const lines = [
    ...exampleWarning(ward, language),
    `${pick(language, 'Bộ phận một cửa', 'One-stop desk')}: ${ward.wardName}`,
    `${pick(language, 'Địa chỉ', 'Address')}: ${ward.address}`,
  ];
  if (counter) lines.push(`${pick(language, 'Quầy', 'Counter')} ${counter.number}: ${counter.name}`);
  return lines.join('\n');
}

/** Said before any example detail, so that a sample address or phone is never read as the ward's real one. */
function exampleWarning(ward: WardSettings, language: Language): string[] {
  if (!ward.example) return [];
  return [pick(language,
    'Lưu ý: thông tin phường dưới đây là thông tin mẫu, chưa phải thông tin thật. Bạn vui lòng xác nhận với cán bộ tại quầy.',
    'Please note: the ward details below are an example, not the real ones. Please confirm them with an official at the counter.')];
}

/** The counter whose name or fields match the procedure's field ("Cư trú" for "Đăng ký, quản lý cư trú"). */
function findCounter(ward: WardSettings, field: string): WardSettings['counters'][number] | undefined {
  const wanted = fold(field);
  return ward.counters.find((counter) =>
    [counter.name, ...counter.fields].some((name) => {
      const have = fold(name);
      return have !== '' && (wanted.includes(have) || have.includes(wanted));
    }),
  );
}

function fold(text: string): string {
  return foldDiacritics(text.toLocaleLowerCase('vi')).replace(/\s+/g, ' ').trim();
}
