import type { Page } from 'playwright-core';

/** Answers for the birth-registration dialogue by field name (no commas inside a value: answers are comma-separated). */
export const BIRTH_ANSWERS: Record<string, string> = {
  kinh_gui: 'Ủy ban nhân dân phường Cửa Nam',
  'nguoi_yeu_cau.ho_ten': 'nguyễn văn an',
  'nguoi_yeu_cau.noi_cu_tru': 'Số 5 phố Hàng Bài phường Cửa Nam Hà Nội',
  'nguoi_yeu_cau.loai_giay_to': 'cccd',
  'nguoi_yeu_cau.so_dinh_danh': '001 090 012 345',
  'nguoi_yeu_cau.ngay_cap': '10/5/2021',
  'nguoi_yeu_cau.noi_cap': 'Cục Cảnh sát QLHC về TTXH',
  'nguoi_yeu_cau.quan_he': 'Cha',
  'tre.ho_ten': 'nguyễn minh khôi',
  'tre.ngay_sinh': 'ngày 12 tháng 3 năm 2024',
  'tre.noi_sinh': 'Bệnh viện Phụ sản Hà Nội',
  'tre.gioi_tinh': 'con trai',
  'tre.dan_toc': 'Kinh',
  'tre.quoc_tich': 'Việt Nam',
  'tre.que_quan': 'Nam Định',
  'me.ho_ten': 'trần thị bình',
  'me.nam_sinh': '1992',
  'me.dan_toc': 'Kinh',
  'me.quoc_tich': 'Việt Nam',
  'me.noi_cu_tru': 'Số 5 phố Hàng Bài phường Cửa Nam Hà Nội',
  // The requester is the father: his name and residence are offered for a yes, the rest is asked.
  'cha.nam_sinh': '1990',
  'cha.dan_toc': 'Kinh',
  'cha.quoc_tich': 'Việt Nam',
};

/** Types into the kiosk's question box and presses Enter, as a citizen (or a USB scanner) would. */
export async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('#log .msg.assistant').count();
  await page.locator('#question').fill(text);
  await page.locator('#question').press('Enter');
  await waitForAnswers(page, before + 1);
}

/** Waits until the chat shows `count` answers of the assistant. */
export async function waitForAnswers(page: Page, count: number): Promise<void> {
  await page.locator('#log .msg.assistant').nth(count - 1).waitFor({ timeout: 15_000 });
}

/** Clicks a button and waits for the next answer. */
export async function tapAndWait(page: Page, selector: string): Promise<void> {
  const before = await page.locator('#log .msg.assistant').count();
  await page.locator(selector).last().click();
  await waitForAnswers(page, before + 1);
}

/** Reads which fields the live form view marks as being asked, once it shows the latest answer. */
async function readAsking(page: Page): Promise<{ stage: string; asking: string[] }> {
  const lastId = await page.locator('#log .msg.assistant').last().getAttribute('data-message-id');
  await page.locator(`#form-view[data-message-id="${lastId}"]`).waitFor({ timeout: 10_000 });
  const stage = (await page.locator('#form-view').getAttribute('data-stage')) ?? '';
  const asking = await page.locator('#form-view .field.asking').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field') ?? ''));
  return { stage, asking };
}

/** From "Khai sinh" on the start screen through consent to the review screen, typing every answer. */
export async function fillBirthToReview(page: Page): Promise<void> {
  await tapAndWait(page, '.quick-btn >> nth=0');
  await tapAndWait(page, 'button.choice:has-text("Điền sẵn tờ khai")');
  await page.locator('button.choice:has-text("Đồng ý")').waitFor();
  await tapAndWait(page, 'button.choice:has-text("Đồng ý")');
  for (let turn = 0; turn < 40; turn++) {
    const { stage, asking } = await readAsking(page);
    if (stage === 'review') return;
    // A question waiting for a yes (the requester's details reused for the father).
    if (stage === 'confirm') {
      await tapAndWait(page, 'button.choice:text-is("Đúng")');
      continue;
    }
    if (asking.length === 0) throw new Error(`the dialogue asks nothing at stage ${stage}`);
    const replies = asking.map((name) => BIRTH_ANSWERS[name] ?? 'bỏ qua');
    await ask(page, replies.every((r) => r === 'bỏ qua') ? 'bỏ qua' : replies.join(', '));
  }
  throw new Error('the dialogue did not reach the review');
}
