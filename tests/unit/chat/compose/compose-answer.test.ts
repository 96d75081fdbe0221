import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../../src/chat/compose/index.js';
import { catalogue, curated, numbersNotIn, realWard } from './support.js';

const feeEntry = curated({
  id: 'dang-ky-tam-tru',
  codes: ['1.004194'],
  title: { vi: 'Đăng ký tạm trú', en: 'Temporary residence registration' },
  field: 'Hộ tịch',
  channels: [
    { kind: 'truc-tiep', time: { value: 3, unit: 'Ngày làm việc' }, fee: { text: '10.000 đồng', amountVnd: 10000 } },
    { kind: 'truc-tuyen', time: { value: 3, unit: 'Ngày làm việc' }, fee: { text: '7.000 đồng', amountVnd: 7000 } },
  ],
});

describe('composeAnswer: fee', () => {
  it('says a free procedure is free, for every channel', () => {
    const entry = curated({ channels: [{ kind: 'truc-tiep', fee: { text: 'Miễn phí', amountVnd: 0 } }, { kind: 'truc-tuyen', fee: { text: 'Miễn phí', amountVnd: 0 } }] });
    const { text } = composeAnswer({ entry, aspect: 'fee', language: 'vi' });
    expect(text).toMatch(/^Dạ, thủ tục “Đăng ký khai sinh” được miễn phí, dù bạn nộp trực tiếp hay nộp trực tuyến\./);
    expect(composeAnswer({ entry, aspect: 'fee', language: 'en' }).text).toContain('is free of charge');
  });

  it('gives the fee per channel in Vietnamese and English styles', () => {
    const vi = composeAnswer({ entry: feeEntry, aspect: 'fee', language: 'vi' }).text;
    expect(vi).toContain('Nộp trực tiếp: 10.000 đồng.');
    expect(vi).toContain('Nộp trực tuyến: 7.000 đồng.');
    const en = composeAnswer({ entry: feeEntry, aspect: 'fee', language: 'en' }).text;
    expect(en).toContain('In person: 10,000 VND.');
    expect(en).toContain('Online: 7,000 VND.');
  });

  it('quotes the fee text when no amount could be read', () => {
    const entry = curated({ channels: [{ kind: 'truc-tiep', fee: { text: 'Theo Thông tư 244/2016/TT-BTC' } }] });
    expect(composeAnswer({ entry, aspect: 'fee', language: 'vi' }).text).toContain('Nộp trực tiếp: “Theo Thông tư 244/2016/TT-BTC”.');
  });
});

describe('composeAnswer: time', () => {
  it('gives value and unit', () => {
    expect(composeAnswer({ entry: feeEntry, aspect: 'time', language: 'vi' }).text).toContain(': 3 ngày làm việc.');
    expect(composeAnswer({ entry: feeEntry, aspect: 'time', language: 'en' }).text).toContain(': 3 working days.');
  });

  it('never guesses a unit the official record does not give', () => {
    const entry = curated({ channels: [{ kind: 'truc-tuyen', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } }] });
    const vi = composeAnswer({ entry, aspect: 'time', language: 'vi' });
    expect(vi.text).toContain('là “1” nhưng không ghi đơn vị thời gian.');
    expect(vi.text).not.toMatch(/ngày|giờ/);
    expect(vi.handover).toBe(true);
    const en = composeAnswer({ entry, aspect: 'time', language: 'en' }).text;
    expect(en).toContain('as “1” but states no unit of time.');
    expect(en).not.toMatch(/\bdays?\b|\bhours?\b/);
    expect(composeAnswer({ entry, aspect: 'general', language: 'vi' }).text).not.toMatch(/ngày/);
  });

  it('says once, plainly, that no unit is given and where to ask; the overview leaves the bare number out', () => {
    const entry = curated({
      url: 'https://dichvucong.gov.vn/p/1',
      channels: [
        { kind: 'truc-tiep', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
        { kind: 'truc-tuyen', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
      ],
    });
    const time = composeAnswer({ entry, aspect: 'time', language: 'vi' }).text;
    expect(time.match(/không ghi đơn vị/g)).toHaveLength(1);
    expect(time).toContain('Để biết chính xác, bạn hỏi cán bộ tại quầy hoặc xem trang thủ tục: https://dichvucong.gov.vn/p/1');
    expect(time).not.toContain('(không ghi đơn vị)');
    const general = composeAnswer({ entry, aspect: 'general', language: 'vi' }).text;
    expect(general).not.toMatch(/không ghi đơn vị|Thời gian giải quyết/);
    expect(composeAnswer({ entry, aspect: 'general', language: 'vi' }).followUps.map((f) => f.aspect)).toContain('time');
  });

  it('names the channel of each bare number and says the missing unit once when channels differ', () => {
    const entry = curated({
      channels: [
        { kind: 'truc-tiep', time: { value: 3, unit: 'Ngày làm việc' } },
        { kind: 'truc-tuyen', time: { value: 1 } },
      ],
    });
    const time = composeAnswer({ entry, aspect: 'time', language: 'vi' }).text;
    expect(time).toContain('Nộp trực tiếp: 3 ngày làm việc.');
    expect(time).toContain('Nộp trực tuyến: “1”');
    expect(time.match(/không ghi đơn vị/g)).toHaveLength(1);
    expect(time).toContain('Để biết chính xác, bạn hỏi cán bộ tại quầy.');
  });

  it('says the time is not stated, and offers an official, when no channel gives one', () => {
    const entry = curated({ channels: [{ kind: 'truc-tiep' }] });
    const answer = composeAnswer({ entry, aspect: 'time', language: 'vi' });
    expect(answer.text).toContain('hiện chưa ghi thời hạn giải quyết');
    expect(answer.text).toContain('Bạn có muốn gặp cán bộ');
    expect(numbersNotIn(answer.text, [entry])).toEqual([]);
  });
});

describe('composeAnswer: documents', () => {
  it('names the papers it counts in the overview (issue 16: "Hồ sơ gồm 4 loại giấy tờ" must list them)', () => {
    const names = ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Căn cước của cha hoặc mẹ', 'Giấy chứng nhận kết hôn'];
    const entry = curated({ documents: names.map((name) => ({ name, quantity: 1, copy: 'original' as const })) });
    const vi = composeAnswer({ entry, aspect: 'general', language: 'vi' }).text;
    expect(vi).toContain(['Hồ sơ gồm 4 loại giấy tờ:', ...names.map((n, i) => `${i + 1}. ${n}`)].join('\n'));
    const en = composeAnswer({ entry, aspect: 'general', language: 'en' }).text;
    expect(en).toContain('Documents (4):\n1. Tờ khai đăng ký khai sinh');
  });

  it('announces no count in the overview when the list is too long to read there, and points to it', () => {
    const entry = curated({ documents: Array.from({ length: 12 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}` })) });
    const vi = composeAnswer({ entry, aspect: 'general', language: 'vi' });
    expect(vi.text).not.toMatch(/gồm \d+ loại/);
    expect(vi.text).toContain('Hồ sơ gồm nhiều giấy tờ; chọn “giấy tờ cần mang” để xem danh sách.');
    expect(vi.followUps.map((f) => f.aspect)).toContain('documents');
  });

  it('numbers the papers with quantity, original/copy and form, under the official groups', () => {
    const entry = curated({
      documents: [
        { name: 'Tờ khai', group: 'Giấy tờ phải nộp', quantity: 1, copy: 'original', form: 'Mẫu CT01' },
        { name: 'Giấy chứng sinh', group: 'Giấy tờ phải nộp', quantity: 2, copy: 'copy' },
        { name: 'Căn cước', group: 'Giấy tờ phải xuất trình', copy: 'original-or-copy' },
      ],
    });
    const { text } = composeAnswer({ entry, aspect: 'documents', language: 'vi' });
    expect(text).toContain('Giấy tờ phải nộp:\n1. Tờ khai — 1 bản chính, mẫu: Mẫu CT01\n2. Giấy chứng sinh — 2 bản sao\nGiấy tờ phải xuất trình:\n3. Căn cước — bản chính hoặc bản sao');
    expect(composeAnswer({ entry, aspect: 'documents', language: 'en' }).text).toContain('2. Giấy chứng sinh — 2 copies');
  });

  it('shows at most sixty papers, counts the rest and links the full official list', () => {
    const documents = Array.from({ length: 63 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}` }));
    const { text } = composeAnswer({ entry: curated({ documents, url: 'https://dichvucong.gov.vn/p' }), aspect: 'documents', language: 'vi' });
    expect(text).toContain('60. Giấy tờ số 60');
    expect(text).not.toContain('Giấy tờ số 61');
    expect(text).toContain('… và 3 giấy tờ khác. Xem đầy đủ: https://dichvucong.gov.vn/p');
  });
});

describe('composeAnswer: where', () => {
  it('says a provincial procedure is not done at the ward, names the agency and the online channel', () => {
    const entry = curated({
      id: 'cap-phieu-ly-lich-tu-phap', levels: ['tỉnh'], agencies: { receiving: 'Công an tỉnh' },
      channels: [{ kind: 'truc-tuyen', description: 'Qua ứng dụng VNeID.' }], url: 'https://dichvucong.gov.vn/p/lltp',
    });
    const { text } = composeAnswer({ entry, aspect: 'where', language: 'vi', ward: realWard() });
    expect(text).toMatch(/^Dạ, thủ tục “Đăng ký khai sinh” không làm tại phường\. Đây là thủ tục cấp tỉnh\./);
    expect(text).toContain('Nơi tiếp nhận hồ sơ: Công an tỉnh.');
    expect(text).toContain('có thể nộp trực tuyến');
    expect(text).not.toContain('Số 12 phố Hòa Bình');
    expect(composeAnswer({ entry, aspect: 'where', language: 'en' }).text).toContain('is not done at the ward');
  });

  it('does not mention online filing when there is no online channel, and says a ministry level', () => {
    const entry = curated({ levels: ['bộ'], agencies: { deciding: 'Bộ Tư pháp' }, channels: [{ kind: 'truc-tiep' }] });
    const { text } = composeAnswer({ entry, aspect: 'where', language: 'vi' });
    expect(text).toContain('cấp bộ (trung ương)');
    expect(text).toContain('Bộ Tư pháp');
    expect(text).not.toContain('trực tuyến');
  });

  it('gives the ward desk and its counter from real ward settings, without an example warning', () => {
    const entry = curated({ field: 'Hộ tịch', agencies: { receiving: 'Bộ phận một cửa' } });
    const { text } = composeAnswer({ entry, aspect: 'where', language: 'vi', ward: realWard() });
    expect(text).toContain('Địa chỉ: Số 12 phố Hòa Bình');
    expect(text).toContain('Quầy 3: Hộ tịch');
    expect(text).not.toContain('thông tin mẫu');
  });

  it('flags example ward settings before showing them', () => {
    const entry = curated({ agencies: { receiving: 'Bộ phận một cửa' } });
    const { text } = composeAnswer({ entry, aspect: 'where', language: 'vi', ward: realWard({ example: true }) });
    expect(text.indexOf('thông tin mẫu, chưa phải thông tin thật')).toBeGreaterThan(-1);
    expect(text.indexOf('thông tin mẫu')).toBeLessThan(text.indexOf('Số 12 phố Hòa Bình'));
  });
});

describe('composeAnswer: unverified entries, raw text and folded records', () => {
  it('presents an unverified entry as guidance and offers an official', () => {
    const entry = curated({ verified: false, steps: ['Đến bộ phận một cửa.'] });
    const answer = composeAnswer({ entry, aspect: 'steps', language: 'vi' });
    expect(answer.text).toContain('Thông tin này là hướng dẫn chung, cán bộ phường sẽ xác nhận lại');
    expect(answer.text).toContain('Bạn có muốn gặp cán bộ');
    expect(answer.handover).toBe(true);
    expect(composeAnswer({ entry, aspect: 'steps', language: 'en' }).text).toContain('general guidance');
  });

  it('quotes a field kept as official raw text, trimmed at a sentence, with the record link', () => {
    const sentence = 'Người yêu cầu nộp tờ khai theo mẫu và xuất trình giấy tờ tùy thân. ';
    const record = catalogue('1.004194', { url: 'https://dichvucong.gov.vn/p/1.004194', raw: { documents: sentence.repeat(20) } });
    const answer = composeAnswer({ entry: curated({ codes: ['1.004194'] }), folded: [record], aspect: 'documents', language: 'vi' });
    const quote = /\n“([^”]*)”\n/.exec(answer.text)?.[1] ?? '';
    expect(quote.length).toBeLessThanOrEqual(602);
    expect(quote).toMatch(/giấy tờ tùy thân\. …$/);
    expect(answer.text).toContain('Trích nguyên văn từ hồ sơ chính thức, đã rút gọn. Xem đầy đủ: https://dichvucong.gov.vn/p/1.004194');
    expect(answer.citations.map((c) => c.id)).toEqual(['dang-ky-khai-sinh', 'dvc-1.004194']);
    expect(answer.citations[1]?.url).toBe('https://dichvucong.gov.vn/p/1.004194');
  });

  it('prefers parsed fields to raw text, and cites only the folded records it used', () => {
    const used = catalogue('1.000001', { steps: ['Bước một của hồ sơ chính thức.'], raw: { documents: 'Không dùng.' } });
    const unused = catalogue('1.000002', { steps: ['Không dùng.'] });
    const entry = curated({ documents: [{ name: 'Tờ khai' }] });
    const steps = composeAnswer({ entry, folded: [used, unused], aspect: 'steps', language: 'vi' });
    expect(steps.text).toContain('1. Bước một của hồ sơ chính thức.');
    expect(steps.citations.map((c) => c.id)).toEqual(['dang-ky-khai-sinh', 'dvc-1.000001']);
    const documents = composeAnswer({ entry, folded: [used], aspect: 'documents', language: 'vi' });
    expect(documents.text).not.toContain('Không dùng');
    expect(documents.citations.map((c) => c.id)).toEqual(['dang-ky-khai-sinh']);
  });

  it('answers a catalogue record on its own, quoting its raw steps in English too', () => {
    const record = catalogue('2.000635', { raw: { steps: 'Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.' } });
    const { text, citations } = composeAnswer({ entry: record, aspect: 'steps', language: 'en' });
    expect(text).toContain('“Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.”');
    expect(text).toContain('Quoted word for word from the official record, in Vietnamese. Full text: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/example');
    expect(citations[0]).toMatchObject({ id: 'dvc-2.000635', codes: ['2.000635'] });
  });
});

describe('composeAnswer: citations and follow-ups', () => {
  it('cites the entry with codes, url and at most four legal bases', () => {
    const legalBasis = Array.from({ length: 6 }, (_, i) => ({ title: `Văn bản ${i}`, number: `${i}/2020/QH14` }));
    const entry = curated({ url: 'https://dichvucong.gov.vn/p/x', legalBasis });
    const { citations } = composeAnswer({ entry, aspect: 'general', language: 'vi' });
    expect(citations).toEqual([
      { id: 'dang-ky-khai-sinh', codes: ['1.001193'], title: 'Đăng ký khai sinh', url: 'https://dichvucong.gov.vn/p/x', legalBasis: legalBasis.slice(0, 4) },
    ]);
  });

  it('offers the other aspects the entry can answer, never the one just answered', () => {
    const { followUps, text } = composeAnswer({ entry: feeEntry, aspect: 'fee', language: 'vi' });
    expect(followUps.map((f) => f.aspect)).toEqual(['time', 'where', 'online']);
    expect(text).toContain('Bạn có muốn biết thêm: thời gian giải quyết, nơi nộp, nộp trực tuyến?');
  });

  it('keeps an English answer in English, with the Vietnamese official name and a language note', () => {
    const { text } = composeAnswer({ entry: feeEntry, aspect: 'general', language: 'en' });
    expect(text).toContain('About “Temporary residence registration” (Đăng ký tạm trú):');
    expect(text).toContain('Official documents and forms are in Vietnamese.');
    expect(text).not.toMatch(/Dạ|Bạn có muốn/);
  });

  it('states no number that is not in the entry', () => {
    for (const aspect of ['general', 'fee', 'time', 'where', 'online'] as const) {
      for (const language of ['vi', 'en'] as const) {
        const { text } = composeAnswer({ entry: feeEntry, aspect, language, ward: realWard() });
        expect(numbersNotIn(text, [feeEntry, realWard()]), `${aspect}/${language}`).toEqual([]);
      }
    }
  });
});
