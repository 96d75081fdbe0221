import { z } from 'zod';
import { VoiceSchema } from '../shared/voice.js';

/** Ids of entries imported from the national catalogue: `dvc-<code>`. */
export const CATALOGUE_ID_PREFIX = 'dvc-';

/** A national procedure code as the portal writes it, e.g. `1.001193` or `2.000635`. */
export const NationalCodeSchema = z.string().regex(/^[0-9]+\.[0-9]+$/, 'expected a national code such as 1.001193');

/** Text in Vietnamese with an optional English version. */
export const LocalizedTextSchema = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Colloquial ways citizens name the procedure: Vietnamese (with and without diacritics) and English. */
export const AliasesSchema = z.strictObject({
  vi: z.array(z.string().trim().min(1)).default([]),
  en: z.array(z.string().trim().min(1)).default([]),
});

export const LevelSchema = z.enum(['xã', 'tỉnh', 'bộ', 'khác']);
export type Level = z.infer<typeof LevelSchema>;

export const ChannelKindSchema = z.enum(['truc-tiep', 'truc-tuyen', 'buu-chinh']);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** Processing time: a number with the unit the official text gives, if it gives one. */
export const ProcessingTimeSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.string().trim().min(1).optional(),
});

/** A fee as the official text says it, with the amount in VND where one can be read (0 = free). */
export const FeeSchema = z.strictObject({
  text: z.string().trim().min(1),
  amountVnd: z.number().int().nonnegative().optional(),
});

export const ChannelSchema = z.strictObject({
  kind: ChannelKindSchema,
  time: ProcessingTimeSchema.optional(),
  fee: FeeSchema.optional(),
  description: z.string().trim().min(1).optional(),
  /** The time as the official description words it, when the time column is empty (docs/facts.md). */
  timeText: z.string().trim().min(1).optional(),
  /** The case this row applies to when the record gives one row per case ("Đối với hồ sơ thuộc diện hoàn thuế trước"). */
  case: z.string().trim().min(1).optional(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const DocumentSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Section of the official list, e.g. "Giấy tờ phải nộp" or "Giấy tờ phải xuất trình". */
  group: z.string().trim().min(1).optional(),
  quantity: z.number().int().nonnegative().optional(),
  /**
   * `original-and-copy`: the record asks for both ("1 bản chính,1 bản sao"): `quantity` originals and `copies`
   * copies. `original-or-copy` is for a curated entry whose text says either will do.
   */
  copy: z.enum(['original', 'copy', 'original-or-copy', 'original-and-copy']).optional(),
  copies: z.number().int().nonnegative().optional(),
  form: z.string().trim().min(1).optional(),
  note: z.string().trim().min(1).optional(),
});
export type DocumentItem = z.infer<typeof DocumentSchema>;

export const LegalBasisSchema = z.strictObject({
  title: z.string().trim().min(1),
  number: z.string().trim().min(1).optional(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const AgenciesSchema = z.strictObject({
  receiving: z.string().trim().min(1).optional(),
  deciding: z.string().trim().min(1).optional(),
  coordinating: z.string().trim().min(1).optional(),
});

/** Official text kept verbatim where the importer could not parse a field into structure. */
export const RawTextSchema = z.strictObject({
  channels: z.string().min(1).optional(),
  documents: z.string().min(1).optional(),
  legalBasis: z.string().min(1).optional(),
  steps: z.string().min(1).optional(),
  conditions: z.string().min(1).optional(),
  result: z.string().min(1).optional(),
});
export type RawText = z.infer<typeof RawTextSchema>;

/**
 * A time the law itself sets (docs/facts.md, "Legal time limits"): a period within which the citizen must act
 * (`deadline`: birth registration within 60 days) or within which the agency must decide (`processing`), with the
 * law and the article that set it.
 */
export const LegalTimeLimitSchema = z.strictObject({
  kind: z.enum(['deadline', 'processing']),
  text: LocalizedTextSchema,
  basis: z.strictObject({
    title: z.string().trim().min(1),
    number: z.string().trim().min(1).optional(),
    /** The article (and clause) that states the limit, e.g. "Điều 15 khoản 1". */
    article: z.string().trim().min(1),
  }),
});
export type LegalTimeLimit = z.infer<typeof LegalTimeLimitSchema>;

/**
 * English versions of a curated entry's steps, papers, fees and conditions, written from the Vietnamese fields item
 * by item (same order, same count) and marked unreviewed until an official has read them (docs/kiosk-ui.md).
 */
export const EnglishTextsSchema = z.strictObject({
  reviewed: z.boolean().default(false),
  steps: z.array(z.string().trim().min(1)).optional(),
  documents: z.array(z.strictObject({
    name: z.string().trim().min(1),
    group: z.string().trim().min(1).optional(),
    note: z.string().trim().min(1).optional(),
  })).optional(),
  /** The fee of each channel, in the channels' order. */
  fees: z.array(z.string().trim().min(1)).optional(),
  conditions: z.array(z.string().trim().min(1)).optional(),
  whoMayFile: z.array(z.string().trim().min(1)).optional(),
});
export type EnglishTexts = z.infer<typeof EnglishTextsSchema>;

const ENTRY_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const EntryObjectSchema = z.strictObject({
  id: z.string().regex(ENTRY_ID, 'expected a lower-case id such as dang-ky-khai-sinh or dvc-1.001193'),
  codes: z.array(NationalCodeSchema).default([]),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema.optional(),
  aliases: AliasesSchema.default({ vi: [], en: [] }),
  levels: z.array(LevelSchema).min(1),
  field: z.string().trim().min(1).optional(),
  ministry: z.string().trim().min(1).optional(),
  decision: z.string().trim().min(1).optional(),
  agencies: AgenciesSchema.default({}),
  whoMayFile: z.array(z.string().trim().min(1)).default([]),
  channels: z.array(ChannelSchema).default([]),
  documents: z.array(DocumentSchema).default([]),
  steps: z.array(z.string().trim().min(1)).default([]),
  conditions: z.array(z.string().trim().min(1)).default([]),
  result: z.array(z.string().trim().min(1)).default([]),
  legalBasis: z.array(LegalBasisSchema).default([]),
  url: z.url().optional(),
  raw: RawTextSchema.optional(),
  /** Practical notes for citizens written by officials (curated entries). */
  notes: z.array(z.string().trim().min(1)).default([]),
  /** Time limits the cited law sets, each with its article (curated entries). */
  legalTimeLimits: z.array(LegalTimeLimitSchema).optional(),
  /** English steps, papers, fees and conditions (curated entries), awaiting an official's review until `reviewed`. */
  en: EnglishTextsSchema.optional(),
  status: z.enum(['published', 'draft']).default('published'),
  verified: z.boolean(),
  updatedAt: z.iso.date(),
  reviewedBy: z.string().trim().min(1).nullable().default(null),
});

/** A procedure entry: a curated one written for citizens, or an imported catalogue record (`dvc-<code>`). */
export const EntrySchema = EntryObjectSchema.superRefine((entry, ctx) => {
  const catalogue = entry.id.startsWith(CATALOGUE_ID_PREFIX);
  if (catalogue) {
    const code = entry.id.slice(CATALOGUE_ID_PREFIX.length);
    if (!entry.codes.includes(code)) {
      ctx.addIssue({ code: 'custom', path: ['codes'], message: `must contain ${code}, the code in the id` });
    }
    return;
  }
  checkEnglishTexts(entry, ctx);
  (entry.legalTimeLimits ?? []).forEach((limit, index) => {
    const number = limit.basis.number;
    if (number && !entry.legalBasis.some((basis) => basis.number === number)) {
      ctx.addIssue({ code: 'custom', path: ['legalTimeLimits', index, 'basis', 'number'], message: `${number} is not in legalBasis: cite the law there too` });
    }
  });
  if (!entry.title.en) ctx.addIssue({ code: 'custom', path: ['title', 'en'], message: 'a curated entry needs an English title' });
  if (!entry.summary?.en) ctx.addIssue({ code: 'custom', path: ['summary', 'en'], message: 'a curated entry needs an English summary' });
  if (!entry.summary) ctx.addIssue({ code: 'custom', path: ['summary', 'vi'], message: 'a curated entry needs a Vietnamese summary' });
  const aliasCount = entry.aliases.vi.length + entry.aliases.en.length;
  if (aliasCount < 5) ctx.addIssue({ code: 'custom', path: ['aliases'], message: `needs at least 5 aliases, has ${aliasCount}` });
  if (entry.verified && entry.codes.length === 0 && entry.legalBasis.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['verified'], message: 'a verified entry must cite a national code or a legal basis' });
  }
});
export type Entry = z.infer<typeof EntrySchema>;

type EntryShape = z.infer<typeof EntryObjectSchema>;

/** Each English list translates its Vietnamese field item by item: the same count, or the answer would mismatch them. */
function checkEnglishTexts(entry: EntryShape, ctx: z.RefinementCtx): void {
  const en = entry.en;
  if (!en) return;
  const pairs = [
    ['steps', en.steps, entry.steps.length],
    ['documents', en.documents, entry.documents.length],
    ['fees', en.fees, entry.channels.length],
    ['conditions', en.conditions, entry.conditions.length],
    ['whoMayFile', en.whoMayFile, entry.whoMayFile.length],
  ] as const;
  for (const [field, list, expected] of pairs) {
    if (list === undefined || list.length === expected) continue;
    const of = field === 'fees' ? `channels has ${expected}` : `${field} has ${expected}`;
    ctx.addIssue({ code: 'custom', path: ['en', field], message: `has ${list.length} items, ${of}: translate each one, in the same order` });
  }
}
export type EntryInput = z.input<typeof EntrySchema>;

/** True when the entry was imported from the national catalogue rather than curated. */
export function isCatalogueEntry(entry: Pick<Entry, 'id'>): boolean {
  return entry.id.startsWith(CATALOGUE_ID_PREFIX);
}

/** Colloquial words mapped to the official terms they stand for, used to expand queries. */
export const SynonymGroupSchema = z.strictObject({
  colloquial: z.array(z.string().trim().min(1)).min(1),
  official: z.array(z.string().trim().min(1)).min(1),
});
export const SynonymsFileSchema = z.strictObject({
  synonyms: z.array(SynonymGroupSchema),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

/** Ward-specific facts an official edits; the shipped file is an example and says so. */
export const WardSettingsSchema = z.strictObject({
  example: z.boolean(),
  wardName: z.string().trim().min(1),
  address: z.string().trim().min(1),
  openingHours: z.array(z.strictObject({ days: z.string().trim().min(1), hours: z.string().trim().min(1) })).min(1),
  counters: z.array(
    z.strictObject({
      number: z.number().int().positive(),
      name: z.string().trim().min(1),
      fields: z.array(z.string().trim().min(1)).default([]),
    }),
  ),
  phone: z.string().trim().min(1),
  email: z.string().trim().min(1).optional(),
  website: z.string().trim().min(1).optional(),
  /** The kiosk's read-aloud voice: the region whose accent citizens here speak (they can switch at the kiosk). */
  speechVoice: VoiceSchema.default('north'),
  updatedAt: z.iso.date(),
});
export type WardSettings = z.infer<typeof WardSettingsSchema>;
