import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { composeAnswer, formatVnd, type Aspect } from '../../src/chat/compose/index.js';
import { EntrySchema, type WardSettings } from '../../src/knowledge/schema.js';
import { buildCorpus } from '../../src/retrieval/corpus/build-corpus.js';
import { foldForMatch } from '../../src/text/index.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../fixtures/golden/facts.jsonl', import.meta.url));

/** One record's facts as written down from the official record (tests/fixtures/golden/facts.jsonl). */
export interface GoldenRecord {
  code: string;
  fee: Array<{ kind: string; free?: boolean; note?: string; amountVnd?: number; doubtful?: boolean; none?: boolean }>;
  time: Array<{ kind: string; value?: number; unit?: string | null; also?: string[]; case?: string; inText?: string[]; none?: boolean }>;
  documents: Array<{ key: string; originals: number; copies: number }>;
  otherRows: string[];
  where: { receiving: string | null; deciding: string | null; wardDesk: boolean | null };
  conditions: { numbers: string[] };
  numbersInChannels: string[];
}

/** A fact the answer got wrong, invented, or left out. */
export interface Finding {
  code: string;
  aspect: Aspect;
  kind: 'wrong' | 'invented' | 'missing';
  what: string;
}

export interface GoldenReport {
  facts: number;
  present: number;
  /** Papers counted present because a curated answer links the record's full official list instead of listing them. */
  summarised: number;
  findings: Finding[];
}

/** The golden records. */
export function readGolden(): GoldenRecord[] {
  return readFileSync(GOLDEN, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as GoldenRecord);
}

/** The shipped curated entries and the golden records' catalogue entries, as the service folds them. */
export function loadGoldenKnowledge(codes: readonly string[]) {
  const curated = readdirSync(`${KNOWLEDGE}curated`).filter((f) => f.endsWith('.yaml'))
    .map((f) => EntrySchema.parse(parse(readFileSync(`${KNOWLEDGE}curated/${f}`, 'utf8'))));
  const catalogue = codes.map((code) => EntrySchema.parse(parse(readFileSync(`${KNOWLEDGE}catalogue/${code}.yaml`, 'utf8'))));
  return buildCorpus([...curated, ...catalogue]);
}

const fold = (text: string) => foldForMatch(text).replace(/\s+/g, ' ');
const has = (answer: string, words: string) => fold(answer).includes(fold(words));

/**
 * Composes every aspect of every golden record as a citizen gets it (a covered record through its curated entry)
 * and compares it with the golden facts: a fact stated otherwise is wrong, a paper the record does not list is
 * invented, a fact not stated is missing.
 */
export function checkGolden(golden: readonly GoldenRecord[], ward: WardSettings): GoldenReport {
  const corpus = loadGoldenKnowledge(golden.map((g) => g.code));
  const report: GoldenReport = { facts: 0, present: 0, summarised: 0, findings: [] };
  for (const record of golden) {
    const id = `dvc-${record.code}`;
    const doc = corpus.byId.get(corpus.foldedInto.get(id) ?? id);
    if (!doc) throw new Error(`${id} is not in the corpus`);
    const say = (aspect: Aspect) => composeAnswer({ entry: doc.entry, folded: doc.folded, aspect, language: 'vi', ward }).text;
    const fact = (aspect: Aspect, ok: boolean, what: string) => {
      report.facts += 1;
      if (ok) report.present += 1;
      else report.findings.push({ code: record.code, aspect, kind: 'missing', what });
    };
    const flag = (aspect: Aspect, kind: 'wrong' | 'invented', what: string) => report.findings.push({ code: record.code, aspect, kind, what });
    // A curated entry answers for every code it lists: their figures are the record's siblings', not invented.
    const sources = [doc.entry, ...doc.folded];
    const allowed = [...new Set(JSON.stringify(sources.map((e) => e.channels)).match(/\d[\d.,]*/g) ?? [])].map((n) => n.replace(/[.,]/g, ''));
    // Traced to the records' papers and their notes only: a paper taken from the steps is not one of them.
    const traceable = fold(sources.filter((e) => e.id.startsWith('dvc-')).map((e) => JSON.stringify([e.documents, e.raw?.documents ?? ''])).join(' '));
    checkFee(record, say('fee'), allowed, fact, flag);
    checkTime(record, say('time'), allowed, fact, flag);
    const recordUrl = sources.find((e) => e.id === id)?.url;
    checkDocuments(record, say('documents'), traceable, recordUrl, fact, flag, () => { report.summarised += 1; });
    checkWhere(record, say('where'), ward, doc.id.startsWith('dvc-'), fact, flag);
    const conditions = say('conditions');
    for (const number of record.conditions.numbers) fact('conditions', new RegExp(`(?<![\\d])${number.replace('.', '\\.')}(?![\\d])`).test(conditions), `number ${number}`);
  }
  return report;
}

type Fact = (aspect: Aspect, ok: boolean, what: string) => void;
type Flag = (aspect: Aspect, kind: 'wrong' | 'invented', what: string) => void;

function checkFee(record: GoldenRecord, answer: string, allowed: readonly string[], fact: Fact, flag: Flag): void {
  for (const fee of record.fee) {
    if (fee.none) continue;
    if (fee.free) fact('fee', /miễn (?:phí|lệ phí)|free/iu.test(answer), `${fee.kind} free`);
    if (fee.note) fact('fee', has(answer, fee.note), `${fee.kind} note “${fee.note}”`);
    if (fee.amountVnd !== undefined) {
      const amount = fee.amountVnd.toLocaleString('en-US');
      fact('fee', answer.includes(formatVnd(fee.amountVnd, 'vi')) || answer.includes(amount), `${fee.kind} ${amount}`);
    }
  }
  // An amount in đồng the record does not mention anywhere in its channels is wrong.
  for (const match of answer.matchAll(/(\d[\d.]*) đồng/gu)) {
    const digits = (match[1] ?? '').replace(/\./g, '');
    if (!record.numbersInChannels.includes(digits) && !allowed.includes(digits)) flag('fee', 'wrong', `states ${match[0]}`);
  }
  if (record.fee.some((fee) => fee.doubtful) && /(?<![\d.])1?20 đồng/u.test(answer)) flag('fee', 'wrong', 'reads a glued time and amount as an amount');
}

function checkTime(record: GoldenRecord, answer: string, allowed: readonly string[], fact: Fact, flag: Flag): void {
  for (const time of record.time) {
    if (time.none) continue;
    if (time.value !== undefined) {
      const value = String(time.value).replace('.', ',');
      const said = time.unit ? `${value} ${time.unit}` : `“${value}”`;
      fact('time', answer.includes(said), `${time.kind} ${said}`);
    }
    for (const words of [...(time.also ?? []), ...(time.inText ?? [])]) fact('time', has(answer, words), `${time.kind} “${words}”`);
    if (time.case) fact('time', has(answer, time.case), `${time.kind} case “${time.case}”`);
  }
  const known = new Set([...record.numbersInChannels, ...allowed].map((n) => String(Number(n))));
  // Officials' notes ("Lưu ý: ...") are checked by officials, not against this record's time column; the limits the
  // law sets ("Thời hạn theo luật:") are another fact than the processing time, checked against the records' text by
  // tests/unit/chat/compose/legal-time-and-english.test.ts.
  const statement = answer.split('\n\n').filter((block) => !block.startsWith('Lưu ý: ') && !block.startsWith('Thời hạn theo luật:')).join('\n\n');
  for (const match of statement.matchAll(/(\d+(?:,\d+)?) (?:ngày|giờ|tháng|tuần|năm)/gu)) {
    if (!known.has(String(Number((match[1] ?? '').replace(',', '.'))))) flag('time', 'wrong', `states ${match[0]}`);
  }
}

function checkDocuments(record: GoldenRecord, answer: string, traceable: string, recordUrl: string | undefined, fact: Fact, flag: Flag, summary: () => void): void {
  const lines = answer.split('\n');
  // A curated entry may summarise the record's papers on purpose, if it links that record's full official list.
  const summarised = recordUrl !== undefined && answer.includes('Xem đầy đủ thành phần hồ sơ') && answer.includes(recordUrl);
  for (const paper of record.documents) {
    const withKey = lines.filter((l) => has(l, paper.key));
    const listed = withKey.length > 0 || has(answer, paper.key);
    if (!listed && summarised) summary();
    fact('documents', listed || summarised, `paper “${paper.key}”`);
    const numbered = withKey.filter((l) => /^\d+\. .* — /u.test(l));
    if (numbered.length === 0) continue;
    const expected = paper.originals > 0 && paper.copies > 0
      ? `${paper.originals} bản chính, ${paper.copies} bản sao`
      : paper.originals > 0 ? `${paper.originals} bản chính` : paper.copies > 0 ? `${paper.copies} bản sao` : '';
    // The same opening words may name several rows: wrong only when none of them gives the record's count.
    if (expected && !numbered.some((l) => l.slice(l.lastIndexOf(' — ') + 3).startsWith(expected))) {
      flag('documents', 'wrong', `“${paper.key}”: ${numbered.map((l) => l.slice(l.lastIndexOf(' — ') + 3)).join(' | ')} instead of ${expected}`);
    }
  }
  // A numbered paper is invented when no run of four of its words is in the papers (or their notes) of the records.
  for (const line of lines.filter((l) => /^\d+\. /u.test(l))) {
    const words = fold(line.replace(/^\d+\. /u, '').split(' — ')[0] ?? '').replace(/[^\p{L}\d\s]/gu, ' ').split(/\s+/u).filter(Boolean);
    const runs = words.length < 4 ? [words.join(' ')] : words.slice(0, -3).map((_, i) => words.slice(i, i + 4).join(' '));
    const plain = traceable.replace(/[^\p{L}\d\s]/gu, ' ').replace(/\s+/g, ' ');
    if (!runs.some((run) => plain.includes(run))) flag('documents', 'invented', line.slice(0, 90));
  }
}

function checkWhere(record: GoldenRecord, answer: string, ward: WardSettings, catalogue: boolean, fact: Fact, flag: Flag): void {
  const { receiving, deciding, wardDesk } = record.where;
  const stated = /Nơi tiếp nhận hồ sơ: (.+?)\.?$/mu.exec(answer)?.[1];
  if (receiving) fact('where', has(answer, receiving), `receiving ${receiving}`);
  // Where the record names a receiving agency, the answer names that one; where it names none, a curated entry's
  // place (confirmed by officials) is not contradicted, but a catalogue answer must not name one (the competent
  // authority in its place was the defect).
  if (stated && receiving && !has(stated, receiving) && !has(receiving, stated.replace(/\.$/, ''))) flag('where', 'wrong', `names “${stated}”, the record “${receiving}”`);
  if (stated && !receiving && catalogue) flag('where', 'wrong', `names “${stated}” though the record names no receiving agency`);
  if (deciding) fact('where', has(answer, deciding), `deciding ${deciding}`);
  const deskShown = answer.includes(ward.address);
  if (wardDesk === true) fact('where', deskShown, 'ward desk card');
  if (wardDesk === false && deskShown) flag('where', 'wrong', 'ward desk card for a file the ward does not receive');
}
