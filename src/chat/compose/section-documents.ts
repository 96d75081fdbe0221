import type { DocumentItem } from '../../knowledge/schema.js';
import { aspectLabel, displayTitle, missingFact, notesFor, type ComposeContext } from './context.js';
import { copyWords, pick } from './format.js';
import { quoteOfficial } from './quote.js';
import { pickList, pickRaw, pickUrl } from './sources.js';
import type { Language } from './types.js';

// Asked for the papers, a citizen needs every one of them (issue 19: "every document"); past this many the screen
// is no longer readable, so the rest are counted and the official page linked.
const MAX_DOCUMENTS = 60;

/** The papers to bring as a numbered list, grouped as the official list groups them, at most sixty. */
export function composeDocuments(ctx: ComposeContext): string[] {
  const { language } = ctx;
  const title = displayTitle(ctx.sources.entry, language);
  const documents = pickList(ctx.sources, 'documents');
  if (documents.length === 0) {
    const raw = pickRaw(ctx.sources, 'documents');
    if (!raw) return [missingFact(ctx, 'documents')];
    const intro = pick(language, `Dạ, về giấy tờ cho thủ tục ${title}, hồ sơ chính thức ghi:`,
      `On the documents for ${title}, the official record says:`);
    return [`${intro}\n${quoteOfficial(raw, language)}`];
  }
  const lines = [pick(language, `Dạ, hồ sơ thủ tục ${title} gồm:`, `Documents for ${title}:`)];
  let shown = 0;
  for (const group of groupDocuments(documents, language)) {
    if (shown >= MAX_DOCUMENTS) break;
    if (group.heading) lines.push(`${group.heading}:`);
    for (const doc of group.items.slice(0, MAX_DOCUMENTS - shown)) {
      shown += 1;
      lines.push(`${shown}. ${describeDocument(doc, language)}`);
    }
  }
  const rest = documents.length - shown;
  if (rest > 0) {
    const url = pickUrl(ctx.sources);
    const more = url ? pick(language, ` Xem đầy đủ: ${url}`, ` Full list: ${url}`) : '';
    lines.push(pick(language, `… và ${rest} giấy tờ khác.${more}`, `… and ${rest} more.${more}`));
  }
  return [lines.join('\n'), ...officialListsLonger(ctx, documents.length), ...notesFor(ctx, 'documents')];
}

/**
 * A curated entry lists papers in citizens' words and may leave out the record's rarer cases: when an official
 * record it covers lists more papers, the answer says so and links that record's full list (docs/facts.md).
 */
function officialListsLonger(ctx: ComposeContext, shown: number): string[] {
  if (ctx.sources.entry.id.startsWith('dvc-')) return [];
  const longer = ctx.sources.folded.filter((record) => record.url && record.documents.length > shown);
  if (longer.length === 0) return [];
  for (const record of longer) ctx.sources.used.add(record);
  const links = longer.slice(0, 5).map((record) => `- ${record.title.vi}: ${record.url}`);
  return [[pick(ctx.language, 'Danh sách trên là tóm tắt. Xem đầy đủ thành phần hồ sơ chính thức (kể cả các trường hợp riêng):',
    'The list above is a summary. The full official list of documents (including special cases):'), ...links].join('\n')];
}

// The overview names the papers only while the list stays short enough to read at a glance.
const MAX_OVERVIEW_DOCUMENTS = 8;

/**
 * The papers for the overview: named when there are a few ("Hồ sơ gồm 4 loại giấy tờ:" and the four), otherwise a
 * pointer to the documents answer — never a count the citizen cannot see listed.
 */
export function summarizeDocuments(ctx: ComposeContext): string | undefined {
  const documents = pickList(ctx.sources, 'documents');
  const count = documents.length;
  if (count === 0) return undefined;
  const { language } = ctx;
  if (count > MAX_OVERVIEW_DOCUMENTS) {
    return pick(language, `Hồ sơ gồm nhiều giấy tờ; chọn “${aspectLabel('documents', 'vi')}” để xem danh sách.`,
      `Several documents are needed; choose “${aspectLabel('documents', 'en')}” to see the list.`);
  }
  const lead = pick(language, `Hồ sơ gồm ${count} loại giấy tờ:`, `Documents (${count}):`);
  return [lead, ...documents.map((doc, i) => `${i + 1}. ${doc.name}`)].join('\n');
}

function describeDocument(doc: DocumentItem, language: Language): string {
  const details = [copyWords(doc, language)];
  if (doc.form) details.push(`${pick(language, 'mẫu', 'form')}: ${doc.form}`);
  const said = details.filter((d) => d !== '');
  const line = said.length > 0 ? `${doc.name} — ${said.join(', ')}` : doc.name;
  // A note row of the official list ("Lưu ý: ...", "Trường hợp ... thì ...") follows the paper it was written under.
  return doc.note ? `${line}\n   ${pick(language, 'Ghi chú', 'Note')}: ${doc.note}` : line;
}

interface DocumentGroup {
  heading: string | undefined;
  items: DocumentItem[];
}

/**
 * Groups in the order the list first names them. Headings are shown only when the list has two groups or more: a
 * single heading over part of the list would suggest the other papers belong to no list at all.
 */
function groupDocuments(documents: readonly DocumentItem[], language: Language): DocumentGroup[] {
  const named = [...new Set(documents.map((doc) => doc.group).filter((g): g is string => g !== undefined))];
  if (named.length < 2) return [{ heading: undefined, items: [...documents] }];
  const groups: DocumentGroup[] = named.map((heading) => ({ heading, items: documents.filter((d) => d.group === heading) }));
  const other = documents.filter((doc) => doc.group === undefined);
  if (other.length > 0) groups.push({ heading: pick(language, 'Giấy tờ khác', 'Other papers'), items: other });
  return groups;
}
