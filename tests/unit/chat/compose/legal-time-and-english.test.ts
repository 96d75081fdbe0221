import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../../src/chat/compose/index.js';
import { catalogue, curated, loadCurated } from './support.js';

const BIRTH_LIMIT = {
  kind: 'deadline' as const,
  text: {
    vi: 'Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.',
    en: 'Within 60 days of the birth, the father or mother must register it.',
  },
  basis: { title: 'Luật Hộ tịch', number: '60/2014/QH13', article: 'Điều 15 khoản 1' },
};

describe('composeAnswer: time limits set by law', () => {
  it('gives the birth registration deadline with its law and article in the time answer, once', () => {
    const { text, citations } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'time', language: 'vi' });
    expect(text).toContain('Thời hạn theo luật:\n- Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con');
    expect(text).toContain('(Luật Hộ tịch 60/2014/QH13, Điều 15 khoản 1).');
    // The official's note saying the same 60 days is not repeated under it.
    expect(text.match(/60 ngày/g)).toHaveLength(1);
    expect(citations[0]?.legalBasis).toContainEqual({ title: 'Luật Hộ tịch', number: '60/2014/QH13' });
  });

  it('gives the death registration deadline (15 days, Điều 33) and the residence processing times (Luật Cư trú)', () => {
    expect(composeAnswer({ entry: loadCurated('dang-ky-khai-tu'), aspect: 'time', language: 'vi' }).text)
      .toMatch(/Trong thời hạn 15 ngày kể từ ngày có người chết[^\n]*\(Luật Hộ tịch 60\/2014\/QH13, Điều 33 khoản 1\)\./);
    expect(composeAnswer({ entry: loadCurated('dang-ky-thuong-tru'), aspect: 'time', language: 'vi' }).text)
      .toMatch(/Trong thời hạn 07 ngày làm việc[^\n]*\(Luật Cư trú 68\/2020\/QH14, Điều 22\)\./);
    expect(composeAnswer({ entry: loadCurated('dang-ky-tam-tru'), aspect: 'time', language: 'vi' }).text)
      .toMatch(/Trong thời hạn 03 ngày làm việc[^\n]*\(Luật Cư trú 68\/2020\/QH14, Điều 28\)\./);
  });

  it('says the limit in English, citing the Vietnamese law', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'time', language: 'en' });
    expect(text).toContain('Time limits set by law (the law is cited in Vietnamese):\n- Within 60 days of the birth, the father or mother must register');
    expect(text).toContain('(Luật Hộ tịch 60/2014/QH13, Điều 15 khoản 1).');
  });

  it('offers the time follow-up and answers it from the law when the channels give no time', () => {
    const entry = curated({ channels: [{ kind: 'truc-tiep', fee: { text: 'Miễn phí', amountVnd: 0 } }], legalBasis: [{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }], legalTimeLimits: [BIRTH_LIMIT] });
    const fee = composeAnswer({ entry, aspect: 'fee', language: 'vi' });
    expect(fee.followUps.map((f) => f.aspect)).toContain('time');
    const time = composeAnswer({ entry, aspect: 'time', language: 'vi' });
    expect(time.text).toMatch(/^Thời hạn theo luật:\n- Trong thời hạn 60 ngày/);
    expect(time.text).toContain('Điều 15 khoản 1');
    expect(time.handover).toBe(false);
  });

  it('says nothing of the law for an entry that states no legal limit', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-ket-hon'), aspect: 'time', language: 'vi' });
    expect(text).not.toContain('Thời hạn theo luật');
  });
});

describe('the shipped legal time limits', () => {
  const knowledge = fileURLToPath(new URL('../../../../knowledge/', import.meta.url));
  const ids = readdirSync(`${knowledge}curated`).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  const limited = ids.map((id) => loadCurated(id)).filter((entry) => (entry.legalTimeLimits ?? []).length > 0);

  it('are stated by birth, death, permanent and temporary residence registration', () => {
    expect(limited.map((entry) => entry.id).sort()).toEqual(['dang-ky-khai-sinh', 'dang-ky-khai-tu', 'dang-ky-tam-tru', 'dang-ky-thuong-tru']);
  });

  it('each give a duration that a record the entry covers states, and cite a law of the entry with its article', () => {
    for (const entry of limited) {
      const records = entry.codes.map((code) => readFileSync(`${knowledge}catalogue/${code}.yaml`, 'utf8').normalize('NFC').toLowerCase()).join('\n');
      for (const limit of entry.legalTimeLimits ?? []) {
        const [duration = '', digits = '', unit = ''] = limit.text.vi.match(/(\d+) (ngày làm việc|ngày)/) ?? [];
        expect(duration, entry.id).not.toBe('');
        // In the record's own words ("Trong thời hạn 60 ngày …") or as its channels' time (value 3, unit "Ngày làm việc").
        const inText = records.includes(duration.toLowerCase());
        const asChannel = new RegExp(`value: ${Number(digits)}\\n\\s+unit: ${unit}`).test(records);
        expect(inText || asChannel, `${entry.id}: ${duration}`).toBe(true);
        expect(limit.basis.article, entry.id).toMatch(/^Điều \d+/);
        expect(entry.legalBasis.map((basis) => basis.number), entry.id).toContain(limit.basis.number);
      }
    }
  });
});

describe('the shipped English texts', () => {
  const knowledge = fileURLToPath(new URL('../../../../knowledge/', import.meta.url));
  const translated = readdirSync(`${knowledge}curated`).filter((f) => f.endsWith('.yaml')).map((f) => loadCurated(f.replace(/\.yaml$/, ''))).filter((entry) => entry.en);

  it('exist for every curated entry but the ward desk card (ward settings), all awaiting an official’s review', () => {
    const all = readdirSync(`${knowledge}curated`).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(translated.map((entry) => entry.id).sort()).toEqual(all.filter((id) => id !== 'thong-tin-bo-phan-mot-cua').sort());
    // Every list of each entry is translated, so no English answer mixes in a Vietnamese list.
    for (const entry of translated) {
      for (const [field, list] of [['steps', entry.en?.steps], ['documents', entry.en?.documents], ['conditions', entry.en?.conditions], ['whoMayFile', entry.en?.whoMayFile]] as const) {
        if (entry[field].length > 0) expect(list?.length, `${entry.id} en.${field}`).toBe(entry[field].length);
      }
      if (entry.channels.some((channel) => channel.fee)) expect(entry.en?.fees?.length, `${entry.id} en.fees`).toBe(entry.channels.length);
      // A paper's note and group are translated with it, never left in Vietnamese under an English name.
      entry.documents.forEach((doc, i) => {
        const english = entry.en?.documents?.[i];
        expect(Boolean(english?.note), `${entry.id} en.documents.${i}.note`).toBe(Boolean(doc.note));
        expect(Boolean(english?.group), `${entry.id} en.documents.${i}.group`).toBe(Boolean(doc.group));
      });
    }
    expect(translated.every((entry) => entry.en?.reviewed === false)).toBe(true);
  });

  it('state no number that the Vietnamese fields do not (a translation adds no fact)', () => {
    // "8,000" is "8.000", "03" is "3", "23:00" is "23 giờ".
    const numbers = (text: string) => [...text.matchAll(/\d+(?:[.,]\d{3})*(?::\d{2})?/g)].map((m) => String(Number(m[0].replace(/:\d{2}$/, '').replace(/[.,]/g, ''))));
    for (const entry of translated) {
      const { en, ...vietnamese } = entry;
      const known = new Set(numbers(JSON.stringify(vietnamese)));
      expect(numbers(JSON.stringify(en)).filter((n) => !known.has(n)), entry.id).toEqual([]);
    }
  });
});

describe('composeAnswer: English', () => {
  it('uses the English steps of a curated entry, saying the translation awaits an official’s review', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-khai-sinh'), aspect: 'steps', language: 'en' });
    expect(text).toContain('1. Prepare the form and the hospital birth certificate, and bring your identity paper.');
    expect(text).not.toContain('Chuẩn bị tờ khai');
    expect(text).toContain('awaits review by a ward official');
    expect(text).toContain('https://dichvucong.gov.vn/');
  });

  it('uses the English papers with their English groups and notes, keeping counts and forms', () => {
    const { text } = composeAnswer({ entry: loadCurated('dang-ky-tam-tru'), aspect: 'documents', language: 'en' });
    expect(text).toContain('Papers to hand in:\n1. Residence information change form (tờ khai thay đổi thông tin cư trú, CT01) — 1 original');
    expect(text).toContain('Note: For a minor, the form must carry the consent of a parent or guardian');
    expect(text).not.toContain('Giấy tờ phải nộp');
  });

  it('gives English fees and conditions, never calling a translation the official wording', () => {
    const fee = composeAnswer({ entry: loadCurated('chung-thuc-ban-sao'), aspect: 'fee', language: 'en' }).text;
    expect(fee).toContain('2,000 VND per page; from the third page on, 1,000 VND per page');
    expect(fee).not.toContain('official wording');
    const conditions = composeAnswer({ entry: loadCurated('chung-thuc-ban-sao'), aspect: 'conditions', language: 'en' }).text;
    expect(conditions).toContain('Who may file: Vietnamese citizens; Vietnamese people living abroad; Organisations (not companies or cooperatives).');
    expect(conditions).toContain('- Papers issued abroad must be consular-legalised');
  });

  it('drops the review note once an official has reviewed the translation, and keeps Vietnamese answers Vietnamese', () => {
    const entry = loadCurated('dang-ky-khai-sinh');
    const reviewed = { ...entry, en: { ...entry.en!, reviewed: true } };
    const text = composeAnswer({ entry: reviewed, aspect: 'steps', language: 'en' }).text;
    expect(text).toContain('1. Prepare the form');
    expect(text).not.toContain('awaits review');
    const vi = composeAnswer({ entry, aspect: 'steps', language: 'vi' }).text;
    expect(vi).toContain('1. Chuẩn bị tờ khai và Giấy chứng sinh, mang theo giấy tờ tùy thân.');
    expect(vi).not.toMatch(/Prepare|translation/);
  });

  it('says when part of a translated answer comes untranslated from the official record', () => {
    const entry = loadCurated('cap-the-can-cuoc');
    expect(entry.conditions).toEqual([]);
    const record = catalogue('1.014061', { conditions: ['Công dân đủ 14 tuổi.'] });
    const { text } = composeAnswer({ entry, folded: [record], aspect: 'conditions', language: 'en' });
    expect(text).toContain('Who may file: Vietnamese citizens; The legal representative of a person under 14.');
    expect(text).toContain('- Công dân đủ 14 tuổi.');
    expect(text).toContain('What is taken from the official record stays in Vietnamese.');
    const steps = composeAnswer({ entry, folded: [record], aspect: 'steps', language: 'en' }).text;
    expect(steps).not.toContain('What is taken from the official record');
  });

  it('says a catalogue-only answer gives the official Vietnamese text, with the official link', () => {
    const record = catalogue('2.000003', { title: { vi: 'Cấp hộ chiếu phổ thông' }, steps: ['Nộp tờ khai tại cơ quan quản lý xuất nhập cảnh.'] });
    const { text } = composeAnswer({ entry: record, aspect: 'steps', language: 'en' });
    expect(text).toContain('1. Nộp tờ khai tại cơ quan quản lý xuất nhập cảnh.');
    expect(text).toContain('The details of this procedure are given in the official Vietnamese text of the record (no English translation has been made). Official page: https://dichvucong.gov.vn/');
    expect(composeAnswer({ entry: record, aspect: 'steps', language: 'vi' }).text).not.toContain('official Vietnamese text');
  });
});
