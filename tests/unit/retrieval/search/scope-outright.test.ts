import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SynonymsFileSchema } from '../../../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../../src/retrieval/search/index.js';
import { loadCuratedEntries } from '../../../helpers/chat-server.js';

describe('a story about a topic no procedure answers', () => {
  it('is declined unless it names a procedure outright, whatever words of a name it scatters', async () => {
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
    const retriever = new Retriever({ entries: await loadCuratedEntries(), synonyms, thresholds: DEFAULT_THRESHOLDS });
    const scam = await retriever.search(
      'Mình xem livestream đặt mua cái đồng hồ, có người tự xưng shipper bảo chuyển khoản, nhận về toàn đồ hỏng. Giờ muốn đòi lại tiền thì báo công an hay khiếu nại ở đâu?',
      3,
    );
    expect(scam).toMatchObject({ answerable: false, scope: 'shopping' });
    const guest = await retriever.search('Tôi hay mua đồ qua livestream, có bạn bán hàng đến ở nhờ nhà tôi mấy hôm. Cho hỏi thông báo lưu trú ở đâu?', 3);
    expect(guest.results[0]?.id).toBe('thong-bao-luu-tru');
    expect(guest.scope).toBeUndefined();
  });
});
