import { EntrySchema, type Entry, type SynonymGroup } from '../../src/knowledge/schema.js';
import { buildCatalogueEntry, buildCuratedEntry } from './knowledge.js';

/** A small knowledge base that exercises folding, levels, synonyms and English. */
export function buildFixtureKnowledge(): { entries: Entry[]; synonyms: SynonymGroup[] } {
  const inputs = [
    buildCuratedEntry(),
    buildCatalogueEntry('1.001193', { title: { vi: 'Thủ tục đăng ký khai sinh' } }),
    buildCuratedEntry({
      id: 'dang-ky-ket-hon',
      codes: ['1.000894'],
      title: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
      summary: { vi: 'Nam nữ đăng ký kết hôn tại UBND phường.', en: 'Register a marriage at the ward.' },
      aliases: { vi: ['lấy vợ', 'lay vo', 'lấy chồng', 'lay chong'], en: ['get married', 'register a marriage'] },
      channels: [{ kind: 'truc-tiep', fee: { text: 'Miễn phí', amountVnd: 0 } }],
    }),
    buildCatalogueEntry('1.000894', { title: { vi: 'Thủ tục đăng ký kết hôn' } }),
    buildCuratedEntry({
      id: 'dang-ky-dat-dai-lan-dau',
      codes: [],
      verified: false,
      legalBasis: [{ title: 'Luật Đất đai', number: '31/2024/QH15' }],
      title: { vi: 'Đăng ký đất đai, cấp Giấy chứng nhận lần đầu', en: 'First land registration' },
      summary: { vi: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu.', en: 'First land use right certificate.' },
      aliases: { vi: ['làm giấy chứng nhận lần đầu', 'lam giay chung nhan lan dau', 'đăng ký đất lần đầu', 'dang ky dat lan dau'], en: ['land title'] },
    }),
    buildCatalogueEntry('2.000001', { title: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' }, levels: ['xã'] }),
    buildCatalogueEntry('2.000002', { title: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' }, levels: ['tỉnh'] }),
    buildCatalogueEntry('2.000003', { title: { vi: 'Cấp hộ chiếu phổ thông' }, levels: ['tỉnh'], field: 'Xuất nhập cảnh' }),
  ];
  const synonyms: SynonymGroup[] = [
    { colloquial: ['sổ đỏ', 'so do'], official: ['giấy chứng nhận quyền sử dụng đất'] },
    { colloquial: ['lấy vợ', 'cưới'], official: ['kết hôn'] },
  ];
  return { entries: inputs.map((input) => EntrySchema.parse(input)), synonyms };
}
