import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { VectorIndexItem } from '../../../../src/retrieval/vector-index/index.js';

const dirs: string[] = [];

/** A fresh temp directory, removed after the test. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vector-index-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An item whose hash is derived from its text, as the caller's content hash would be. */
export function buildItem(entryId: string, sections: Record<string, string>): VectorIndexItem {
  const chunks = Object.entries(sections).map(([section, text]) => ({ section, text }));
  return { entryId, hash: `h:${chunks.map((chunk) => `${chunk.section}=${chunk.text}`).join('|')}`, chunks };
}

/** A small knowledge set: three procedures, two or three sections each, with distinct wording. */
export function buildSampleItems(): VectorIndexItem[] {
  return [
    buildItem('dang-ky-khai-sinh', {
      overview: 'Đăng ký khai sinh cho trẻ em mới sinh tại ủy ban phường',
      documents: 'Giấy chứng sinh do bệnh viện cấp, căn cước của cha mẹ',
      fees: 'Miễn lệ phí khi đăng ký đúng hạn trong sáu mươi ngày',
    }),
    buildItem('dang-ky-ket-hon', {
      overview: 'Đăng ký kết hôn giữa hai công dân Việt Nam',
      documents: 'Tờ khai đăng ký kết hôn, xác nhận tình trạng hôn nhân',
    }),
    buildItem('cap-so-do', {
      overview: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu (sổ đỏ)',
      steps: 'Nộp hồ sơ tại bộ phận một cửa, đo đạc thửa đất, niêm yết công khai',
    }),
  ];
}
