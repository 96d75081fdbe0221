import { describe, expect, it } from 'vitest';
import { EntrySchema } from '../../../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../../src/retrieval/search/index.js';
import { buildCatalogueEntry, buildCuratedEntry } from '../../../helpers/knowledge.js';

// A curated entry is titled the everyday way ("Cấp Phiếu lý lịch tư pháp") while the record it covers says whom it
// serves: "cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam". A foreigner asking must still find it,
// not a sibling record whose title happens to say "người nước ngoài" (docs/understanding.md).
describe('circumstances a curated entry serves through the records it covers', () => {
  const entries = [
    buildCuratedEntry({
      id: 'cap-phieu-ly-lich-tu-phap', codes: ['3.000333'],
      title: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Criminal record certificate' },
      summary: { vi: 'Cấp Phiếu lý lịch tư pháp cho người yêu cầu.', en: 'Criminal record certificate on request.' },
      aliases: { vi: ['lý lịch tư pháp', 'ly lich tu phap', 'giấy không tiền án', 'giay khong tien an'], en: ['criminal record', 'police check'] },
    }),
    buildCatalogueEntry('3.000333', { title: { vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam' } }),
    buildCatalogueEntry('3.000334', { title: { vi: 'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan nhà nước (người nước ngoài đang cư trú ở Việt Nam)' } }),
    buildCatalogueEntry('1.001766', { title: { vi: 'Thủ tục đăng ký khai tử có yếu tố nước ngoài' } }),
  ].map((entry) => EntrySchema.parse(entry));
  const retriever = new Retriever({ entries, synonyms: [], thresholds: DEFAULT_THRESHOLDS });

  it('a foreigner asking finds the curated entry first', async () => {
    const ids = (await retriever.search('Tôi là người nước ngoài ở Hà Nội, xin phiếu lý lịch tư pháp ở đâu?', 3)).results.map((r) => r.id);
    expect(ids[0]).toBe('cap-phieu-ly-lich-tu-phap');
  });

  it('a citizen asking is not set back for not being a foreigner', async () => {
    const ids = (await retriever.search('xin phiếu lý lịch tư pháp ở đâu', 3)).results.map((r) => r.id);
    expect(ids[0]).toBe('cap-phieu-ly-lich-tu-phap');
  });
});
