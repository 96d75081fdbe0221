/**
 * `npx tsx bench/golden/draft-facts.ts <dvc-procedures.jsonl> <draft.jsonl> [count] [seed] [corrections.json golden.jsonl]`: picks the golden records
 * (seeded, commune level first) and drafts their facts with a reader of its own — it shares no code with the
 * importer, so that where the two disagree one of them is wrong. The draft is then checked by hand against each
 * record and corrected before it becomes tests/fixtures/golden/facts.jsonl (docs/facts.md says how).
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface RawRecord {
  ma_thu_tuc: string;
  cap_thuc_hien: string;
  co_quan_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  dia_chi_tiep_nhan?: string;
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  yeu_cau_dieu_kien: string;
}

const KINDS: Record<string, string> = { 'Trực tiếp': 'truc-tiep', 'Trực tuyến': 'truc-tuyen', 'Dịch vụ bưu chính': 'buu-chinh' };
const NONE = 'Không có thông tin';

/** A seeded shuffle (mulberry32), so that the same seed always picks the same records. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function text(value: string | undefined): string | undefined {
  const clean = (value ?? '').replace(/\s+/g, ' ').trim();
  return clean === '' || clean === NONE ? undefined : clean;
}

function draftChannels(cell: string): unknown[] {
  const body = cell.replace('Hình thức nộpThời gianPhí, lệ phíMô tả', '');
  const rows = body.split(/(?=Trực tiếp(?:\d|Không có thông tin|Miễn phí)|Trực tuyến(?:\d|Không có thông tin|Miễn phí)|Dịch vụ bưu chính(?:\d|Không có thông tin|Miễn phí))/u);
  return rows.filter((row) => /^(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/u.test(row)).map((row) => {
    const label = /^(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/u.exec(row)?.[1] ?? '';
    let rest = row.slice(label.length);
    let time: { value: number; unit: string | null } | null = null;
    const withUnit = /^(\d+(?:\.\d+)?) (Ngày làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút)/u.exec(rest);
    // A bare number before "Miễn phí" or "Không có thông tin" is a time the portal wrote without its unit.
    const bare = /^(\d+(?:\.\d+)?)(?=Miễn phí|Không có thông tin)/u.exec(rest);
    // "120 VNĐ" may be 1 + "20 VNĐ" or 12 + "0 VNĐ": no reading is certain, so none is written down.
    const glued = /^(\d{2,})\s?(VNĐ|Việt Nam Đồng)/u.exec(rest);
    if (withUnit) {
      time = { value: Number(withUnit[1]), unit: (withUnit[2] ?? '').toLocaleLowerCase('vi') };
      rest = rest.slice(withUnit[0].length);
    } else if (bare) {
      time = { value: Number(bare[1]), unit: null };
      rest = rest.slice(bare[0].length);
    } else if (rest.startsWith(NONE)) rest = rest.slice(NONE.length);
    const amount = /^([\d,]+) (Việt Nam Đồng|VNĐ|Đồng)/u.exec(rest);
    const note = /^(?:Miễn phí|[\d,]+ (?:Việt Nam Đồng|VNĐ|Đồng|USD))\(([^)]*)/u.exec(rest)?.[1]?.trim();
    const fee = glued && !withUnit && !bare
      ? { doubtful: true }
      : /^Miễn phí/u.test(rest)
        ? { free: true, ...(note && !/^(Không|Không quy định|Không thu)\.?$/u.test(note) ? { note: note.split(/\s+/u).slice(0, 6).join(' ') } : {}) }
        : amount
          ? { amountVnd: Number((amount[1] ?? '').replace(/,/g, '')) }
          : null;
    const description = rest.replace(/^(Miễn phí|[\d,]+ (Việt Nam Đồng|VNĐ|Đồng|USD))(\([^)]*\))?/u, '');
    const inText = [...description.matchAll(/\d+ (?:ngày làm việc|ngày|giờ|tháng)/giu)].map((m) => m[0]);
    const caseMatch = /^((?:Đối với|Trường hợp)[^:.;]{3,200}):/u.exec(description.trim());
    return {
      kind: KINDS[label],
      time,
      ...(inText.length > 0 ? { timeInText: [...new Set(inText)] } : {}),
      ...(caseMatch ? { case: caseMatch[1] } : {}),
      fee,
    };
  });
}

function draftDocuments(cell: string): unknown[] {
  const rows = cell.split(/(?<=\d+ bản (?:chính|sao)(?:,\s*\d+ bản (?:chính|sao))?)(?=[^\s)\],;.:/]|$)/u);
  return rows
    .map((row) => {
      const quantity = /(\d) bản (chính|sao)(?:,\s*(\d+) bản (chính|sao))?$/u.exec(row);
      if (!quantity) return undefined;
      const name = row.slice(0, quantity.index).split('Tên giấy tờMẫu đơn, tờ khaiSố lượng').pop() ?? '';
      const counts = { originals: 0, copies: 0 };
      for (const [count, kind] of [[quantity[1], quantity[2]], [quantity[3], quantity[4]]]) {
        if (kind === 'chính') counts.originals = Number(count);
        if (kind === 'sao') counts.copies = Number(count);
      }
      const key = name.replace(/^[\s\-+•*]+/u, '').split(/\s+/u).slice(0, 8).join(' ');
      return { key, ...counts };
    })
    .filter((doc) => doc !== undefined && doc.key !== '');
}

function draftConditions(cell: string): unknown {
  const clean = text(cell);
  if (!clean) return { numbers: [] };
  return { numbers: [...new Set([...clean.matchAll(/\b\d+(?:[.,]\d+)?\b/gu)].map((m) => m[0]))].slice(0, 12) };
}

const [input, output, countArg, seedArg] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: npx tsx bench/golden/draft-facts.ts <dvc-procedures.jsonl> <out.jsonl> [count] [seed]');
const records = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as RawRecord);
const byCode = (a: RawRecord, b: RawRecord) => a.ma_thu_tuc.localeCompare(b.ma_thu_tuc);
const commune = records.filter((r) => r.cap_thuc_hien.includes('Cấp xã')).sort(byCode);
const others = records.filter((r) => !r.cap_thuc_hien.includes('Cấp xã')).sort(byCode);
const seed = Number(seedArg ?? 19);
const picked = [...shuffle(commune, seed), ...shuffle(others, seed)].slice(0, Number(countArg ?? 100));
const lines = picked.map((r) =>
  JSON.stringify({
    code: r.ma_thu_tuc,
    channels: draftChannels(r.cach_thuc_thuc_hien),
    documents: draftDocuments(r.thanh_phan_ho_so),
    where: { receiving: text(r.dia_chi_tiep_nhan) ?? text(r.co_quan_thuc_hien) ?? null, deciding: text(r.co_quan_co_tham_quyen) ?? null },
    conditions: draftConditions(r.yeu_cau_dieu_kien),
  }),
);
writeFileSync(output, `${lines.join('\n')}\n`);
console.log(`${lines.length} records drafted into ${output}`);

// ---- Second step: the draft, checked by hand, becomes the golden set (corrections.json holds what reading changed).

interface Corrections {
  papersWithoutCount: Record<string, string[]>;
  notPapers: string[];
  fees: Record<string, { doubtful: boolean; note?: string }>;
  where: Record<string, { receiving: string | null; deciding: string | null; wardDesk: boolean | null }>;
}

interface DraftChannel {
  kind: string;
  time: { value: number; unit: string | null } | null;
  timeInText?: string[];
  case?: string;
  fee: { free?: boolean; note?: string; amountVnd?: number; doubtful?: boolean } | null;
}

const WARD_BODY = /cấp xã|xã, phường|Ủy ban Nhân dân xã|Uỷ ban nhân dân cấp xã|Công an cấp Xã/iu;

/** The golden line of one record: the facts an answer must state, in the project's own structured form. */
function toGolden(record: RawRecord, draft: ReturnType<typeof draftOf>, corrections: Corrections): unknown {
  const channels = draft.channels as DraftChannel[];
  const feeFix = corrections.fees[record.ma_thu_tuc];
  const cleanNote = (note: string | undefined) =>
    note?.replace(/^[\s(\-–]*(?:Lệ phí\s*:\s*)?(?:Đồng\s*)?[\s(\-–]*/u, '').split(/\s+/u).slice(0, 4).join(' ') || undefined;
  const fee = channels.map((c) => {
    if (feeFix) return { kind: c.kind, ...feeFix };
    if (!c.fee) return { kind: c.kind, none: true };
    if (c.fee.doubtful) return { kind: c.kind, doubtful: true };
    if (c.fee.free) return { kind: c.kind, free: true, ...(cleanNote(c.fee.note) ? { note: cleanNote(c.fee.note) } : {}) };
    return { kind: c.kind, amountVnd: c.fee.amountVnd };
  });
  const time = channels.map((c) => {
    const others = (c.timeInText ?? []).filter((t) => !c.time || Number.parseFloat(t) !== c.time.value);
    if (c.time) return { kind: c.kind, value: c.time.value, unit: c.time.unit, ...(others.length ? { also: others } : {}), ...(c.case ? { case: c.case } : {}) };
    if (others.length > 0) return { kind: c.kind, inText: others };
    return { kind: c.kind, none: true };
  });
  const withoutCount = new Set(corrections.papersWithoutCount[record.ma_thu_tuc] ?? []);
  const rows = draft.documents as { key: string; originals: number; copies: number }[];
  const papers = rows.filter((row) =>
    (row.originals + row.copies > 0 || withoutCount.has(row.key)) && !corrections.notPapers.some((prefix) => row.key.startsWith(prefix)));
  const receiving = text(record.dia_chi_tiep_nhan) ?? text(record.co_quan_thuc_hien) ?? null;
  const mentioned = [...record.cach_thuc_thuc_hien.matchAll(/\d[\d.,]*/gu)].map((m) => m[0].replace(/[.,]/g, ''));
  return {
    code: record.ma_thu_tuc,
    fee,
    time,
    documents: papers,
    otherRows: rows.filter((row) => !papers.includes(row)).map((row) => row.key),
    where: corrections.where[record.ma_thu_tuc]
      ? { receiving: corrections.where[record.ma_thu_tuc]?.receiving, deciding: corrections.where[record.ma_thu_tuc]?.deciding, wardDesk: corrections.where[record.ma_thu_tuc]?.wardDesk }
      : { receiving, deciding: text(record.co_quan_co_tham_quyen) ?? null, wardDesk: receiving === null ? null : WARD_BODY.test(receiving) },
    conditions: draft.conditions,
    numbersInChannels: [...new Set(mentioned)],
  };
}

function draftOf(record: RawRecord) {
  return {
    channels: draftChannels(record.cach_thuc_thuc_hien),
    documents: draftDocuments(record.thanh_phan_ho_so),
    conditions: draftConditions(record.yeu_cau_dieu_kien),
  };
}

const correctionsFile = process.argv[6];
if (correctionsFile) {
  const corrections = JSON.parse(readFileSync(correctionsFile, 'utf8')) as Corrections;
  const golden = picked.map((record) => JSON.stringify(toGolden(record, draftOf(record), corrections)));
  writeFileSync(process.argv[7] ?? output, `${golden.join('\n')}\n`);
  console.log(`${golden.length} golden lines written`);
}
