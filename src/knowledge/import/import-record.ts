import { CATALOGUE_ID_PREFIX, type EntryInput, type Level, type RawText } from '../schema.js';
import { CHANNELS_HEADER, parseChannels } from './parse-channels.js';
import { DOCUMENTS_HEADER, parseDocuments } from './parse-documents.js';
import { LEGAL_BASIS_HEADER, parseLegalBasis } from './parse-legal-basis.js';
import { parseConditions, parseLevels, parseSteps, parseWhoMayFile } from './parse-lists.js';
import type { ParseOutcome } from './parse-outcome.js';
import { parseResult, stripResultFurniture } from './parse-result.js';
import type { DvcRecord } from './record-schema.js';
import { cleanMultiline, readOptionalText, stripPageFurniture } from './text.js';

/** The day the catalogue was crawled: the date of every imported record, so that re-imports are byte-identical. */
export const CATALOGUE_CRAWL_DATE = '2026-07-15';

/** A structured field that may fall back to the official text in `raw`. */
export type RawField = keyof RawText;

/** A field kept as official text, and why it could not be parsed. */
export interface Fallback {
  field: RawField;
  reason: string;
}

/** A record that cannot become an entry at all, by field. */
export interface RecordProblem {
  field: string;
  message: string;
}

/** What the importer made of one record. */
export interface ImportedRecord {
  entry: EntryInput;
  fallbacks: Fallback[];
  problems: RecordProblem[];
}

export interface ImportRecordOptions {
  /** The `updatedAt` of the entry; defaults to the crawl date. */
  updatedAt?: string;
}

/** Turns one catalogue record into an entry `dvc-<code>`, keeping official text where a table cannot be parsed. */
export function importRecord(record: DvcRecord, { updatedAt = CATALOGUE_CRAWL_DATE }: ImportRecordOptions = {}): ImportedRecord {
  const fallbacks: Fallback[] = [];
  const problems: RecordProblem[] = [];
  const raw: RawText = {};
  const structured = <T>(field: RawField, outcome: ParseOutcome<T[]>, officialText: () => string): T[] => {
    if (outcome.ok) return outcome.value;
    fallbacks.push({ field, reason: outcome.reason });
    const text = removeTableHeaders(officialText());
    if (text !== '') raw[field] = text;
    return [];
  };

  const levelsOutcome = parseLevels(record.cap_thuc_hien);
  let levels: Level[] = [];
  if (levelsOutcome.ok) levels = levelsOutcome.value;
  else problems.push({ field: 'levels', message: levelsOutcome.reason });

  const channels = structured('channels', parseChannels(record.cach_thuc_thuc_hien), () => record.cach_thuc_thuc_hien);
  const documents = structured('documents', parseDocuments(record.thanh_phan_ho_so), () => record.thanh_phan_ho_so);
  const steps = structured('steps', parseSteps(record.trinh_tu_thuc_hien), () => record.trinh_tu_thuc_hien);
  const conditions = structured('conditions', parseConditions(record.yeu_cau_dieu_kien), () => record.yeu_cau_dieu_kien);
  const result = structured('result', parseResult(record.ket_qua_xu_ly), () => {
    const { results, description } = stripResultFurniture(record.ket_qua_xu_ly);
    return description ? `${results}\n${description}` : results;
  });
  const legalBasis = structured('legalBasis', parseLegalBasis(record.can_cu_phap_ly), () => record.can_cu_phap_ly);

  const entry: EntryInput = {
    id: `${CATALOGUE_ID_PREFIX}${record.ma_thu_tuc}`,
    codes: [record.ma_thu_tuc],
    // The official name is kept as published ("Thủ tục đăng ký khai sinh"): it is what citations quote.
    title: { vi: readOptionalText(record.ten_thu_tuc) ?? record.ma_thu_tuc },
    levels,
    field: readOptionalText(record.linh_vuc),
    ministry: readOptionalText(record.bo_nganh),
    decision: readOptionalText(record.so_quyet_dinh),
    agencies: readAgencies(record),
    whoMayFile: parseWhoMayFile(record.doi_tuong_thuc_hien),
    channels,
    documents,
    steps,
    conditions,
    result,
    legalBasis,
    url: readOptionalText(record.detail_url),
    raw: Object.keys(raw).length > 0 ? raw : undefined,
    status: 'published',
    verified: true,
    updatedAt,
    reviewedBy: null,
  };
  return { entry: dropUndefined(entry), fallbacks, problems };
}

/**
 * Where to file is the receiving address when the portal gives one, else the implementing agency; the agency
 * then stands as the deciding one unless the portal names a competent authority.
 */
function readAgencies(record: DvcRecord): NonNullable<EntryInput['agencies']> {
  const implementing = readOptionalText(record.co_quan_thuc_hien);
  const address = readOptionalText(record.dia_chi_tiep_nhan);
  const competent = readOptionalText(record.co_quan_co_tham_quyen);
  const coordinating = readOptionalText(record.co_quan_phoi_hop);
  return dropUndefined({
    receiving: address ?? implementing,
    deciding: competent ?? (address ? implementing : undefined),
    coordinating,
  });
}

/**
 * The official text as kept in `raw`: verbatim except for glued table headers and page furniture, which also
 * turn up in cells the crawl shifted into the wrong section.
 */
function removeTableHeaders(text: string): string {
  const lines = [CHANNELS_HEADER, DOCUMENTS_HEADER, LEGAL_BASIS_HEADER].reduce((current, header) => current.split(header).join('\n'), text);
  return cleanMultiline(stripPageFurniture(lines));
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
