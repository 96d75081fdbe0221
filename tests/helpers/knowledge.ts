import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { EntryInput } from '../../src/knowledge/schema.js';
import type { Situation } from '../../src/knowledge/situation-schema.js';

/** A valid curated entry with overridable fields. */
export function buildCuratedEntry(overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    id: 'dang-ky-khai-sinh',
    codes: ['1.001193'],
    title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    summary: { vi: 'Đăng ký khai sinh cho trẻ tại UBND phường.', en: 'Register a birth at the ward.' },
    aliases: { vi: ['làm giấy khai sinh', 'lam giay khai sinh', 'khai sinh cho con', 'khai sinh cho con'], en: ['birth certificate'] },
    levels: ['xã'],
    channels: [{ kind: 'truc-tiep', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } }],
    status: 'published',
    verified: true,
    updatedAt: '2026-11-23',
    reviewedBy: null,
    ...overrides,
  };
}

/** A valid catalogue entry `dvc-<code>` with overridable fields. */
export function buildCatalogueEntry(code = '1.001193', overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    id: `dvc-${code}`,
    codes: [code],
    title: { vi: 'Thủ tục đăng ký khai sinh' },
    levels: ['xã'],
    url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/example',
    status: 'published',
    verified: true,
    updatedAt: '2026-07-15',
    reviewedBy: null,
    ...overrides,
  };
}

/** A valid life situation listing buildCuratedEntry() and the catalogue record 2.000693 (maternity benefit), with overridable fields. */
export function buildSituation(overrides: Partial<Situation> = {}): Situation {
  return {
    id: 'sinh-con',
    title: { vi: 'Sinh con', en: 'Having a baby' },
    intro: { vi: 'Khi gia đình có em bé mới sinh, bạn có thể cần:', en: 'When a baby is born in your family, you may need:' },
    triggers: { vi: ['mới sinh em bé', 'moi sinh em be', 'vợ mới đẻ'], en: ['had a baby'] },
    procedures: [{ id: 'dang-ky-khai-sinh', when: { vi: 'Chỉ làm giấy khai sinh', en: 'Only the birth certificate' } }, { id: 'dvc-2.000693' }],
    verified: false,
    ...overrides,
  };
}

/** Files to write into a temporary knowledge folder: relative path → YAML object or raw text. */
export type KnowledgeFiles = Record<string, unknown>;

/** Writes a temporary knowledge folder and returns its path. */
export async function writeKnowledgeDir(files: KnowledgeFiles): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-knowledge-'));
  await mkdir(path.join(dir, 'curated'), { recursive: true });
  await mkdir(path.join(dir, 'catalogue'), { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : stringify(content), 'utf8');
  }
  return dir;
}
