import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeAnswer, type Aspect } from '../../../../src/chat/compose/index.js';
import { loadCurated, loadExampleWard, numbersNotIn } from './support.js';

const ward = loadExampleWard();
const ASPECTS: Aspect[] = ['general', 'documents', 'fee', 'time', 'where', 'steps', 'conditions', 'online', 'result'];
const CURATED_IDS = readdirSync(fileURLToPath(new URL('../../../../knowledge/curated/', import.meta.url)))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

describe('composeAnswer on the shipped curated entries', () => {
  it('answers the birth registration fee: free on every channel', () => {
    const { text, citations } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'fee', language: 'vi' });
    expect(text).toMatch(/^Dạ, thủ tục “Đăng ký khai sinh” được miễn phí, dù bạn nộp trực tiếp, nộp trực tuyến hay gửi qua bưu chính\./);
    expect(citations[0]).toMatchObject({ id: 'dang-ky-khai-sinh', codes: ['1.001193'], url: expect.stringContaining('dichvucong.gov.vn') });
    expect(citations[0]?.legalBasis).toHaveLength(4);
    expect(citations[0]?.legalBasis[0]).toEqual({ title: 'Luật Hộ tịch', number: '60/2014/QH13' });
  });

  it('never reads the unit-less birth registration time as days', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'time', language: 'vi' });
    const statement = text.split('\n')[0] ?? '';
    expect(statement).toBe('Dạ, hồ sơ chính thức ghi thời gian giải quyết thủ tục “Đăng ký khai sinh” là “1” nhưng không ghi đơn vị thời gian.');
    // Officials' notes may speak of days ("trong 60 ngày kể từ ngày sinh"); the processing time itself never does.
    expect(text).not.toMatch(/\b1 ngày/);
  });

  it('gives the temporary residence fee per channel: 10.000 đồng in person, 7.000 đồng online', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-tam-tru'), aspect: 'fee', language: 'vi' });
    expect(text).toMatch(/Nộp trực tiếp: “10\.000 đồng[^\n]*”\./);
    expect(text).toContain('Nộp trực tuyến: 7.000 đồng/lần đăng ký.');
    const en = composeAnswer({ entry: loadCurated('dang-ky-tam-tru'), aspect: 'fee', language: 'en' }).text;
    expect(en).toContain('Online: 7,000 VND');
  });

  it('says the criminal record certificate is provincial, by whom, and that it can be filed online', () => {
    const { text } = composeAnswer({ entry: loadCurated('cap-phieu-ly-lich-tu-phap'), aspect: 'where', language: 'vi', ward });
    expect(text).toMatch(/^Dạ, thủ tục “Cấp Phiếu lý lịch tư pháp” không làm tại phường\. Đây là thủ tục cấp tỉnh\./);
    expect(text).toContain('Công an tỉnh');
    expect(text).toContain('có thể nộp trực tuyến');
    expect(text).not.toContain(ward.address);
  });

  it('presents the unverified monthly allowance as guidance with a hand-over offer', () => {
    const answer = composeAnswer({ entry: loadCurated('tro-cap-xa-hoi-hang-thang'), aspect: 'documents', language: 'vi' });
    expect(answer.text).toContain('1. Tờ khai đề nghị trợ giúp xã hội — 1 bản chính');
    expect(answer.text).toContain('Thông tin này là hướng dẫn chung, cán bộ phường sẽ xác nhận lại');
    expect(answer.text).toContain('Bạn có muốn gặp cán bộ');
    expect(answer.handover).toBe(true);
    expect(answer.citations[0]?.legalBasis[0]?.number).toBe('20/2021/NĐ-CP');
  });

  it('answers the one-stop desk entry from the ward settings, flagged as an example', () => {
    const answer = composeAnswer({ entry: loadCurated('thong-tin-bo-phan-mot-cua'), aspect: 'where', language: 'vi', ward });
    const lines = answer.text.split('\n');
    expect(lines[0]).toContain('thông tin mẫu, chưa phải thông tin thật');
    expect(answer.text).toContain(`Địa chỉ: ${ward.address}`);
    expect(answer.text).toContain(`Điện thoại: ${ward.phone}`);
    expect(answer.text).toContain('Quầy 2: Cư trú (Công an phường)');
    const en = composeAnswer({ entry: loadCurated('thong-tin-bo-phan-mot-cua'), aspect: 'general', language: 'en', ward }).text;
    expect(en.split('\n')[0]).toContain('an example, not the real ones');
  });

  it('says the ward details are missing, without inventing any, when there are no ward settings', () => {
    const answer = composeAnswer({ entry: loadCurated('thong-tin-bo-phan-mot-cua'), aspect: 'where', language: 'vi' });
    expect(answer.text).toContain('chưa được cán bộ cập nhật');
    expect(answer.handover).toBe(true);
    expect(answer.text).not.toMatch(/\d/);
  });

  it('answers "when is my result ready" about the look-up entry with its steps', () => {
    const { text } = composeAnswer({ entry: loadCurated('tra-cuu-ho-so'), aspect: 'time', language: 'vi' });
    expect(text).toContain('Các bước:\n1. Tìm mã hồ sơ');
    expect(text).not.toContain('chưa ghi thời hạn');
  });

  it('answers in English with the Vietnamese official names', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'documents', language: 'en' });
    expect(text).toMatch(/^Documents for “Birth registration” \(Đăng ký khai sinh\):/);
    // The entry's English papers (issue 16) keep the Vietnamese name beside the English one, and the official form.
    expect(text).toContain('1. Birth registration form (tờ khai đăng ký khai sinh) — 1 original, form: Tờ khai đăng ký khai sinh (Thông tư 04/2024/TT-BTP)');
    expect(text).toContain('Official documents and forms are in Vietnamese.');
  });

  it.each(CURATED_IDS)('answers every aspect of %s in both languages, cited, with no number absent from it', (id) => {
    const entry = loadCurated(id);
    for (const aspect of ASPECTS) {
      for (const language of ['vi', 'en'] as const) {
        const { text, citations } = composeAnswer({ entry, aspect, language, ward });
        const where = `${id}/${aspect}/${language}`;
        expect(text.length, where).toBeGreaterThan(0);
        expect(citations[0]?.id, where).toBe(id);
        // Derived counts: how many papers, and how many are left unlisted beyond the first eight.
        const derived = [entry.documents.length, Math.max(0, entry.documents.length - 8)];
        expect(numbersNotIn(text, [entry, ward], derived), where).toEqual([]);
        if (language === 'en') expect(text, where).not.toMatch(/Dạ|Bạn có muốn/);
      }
    }
  });
});
