import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { findSeriousViolations, HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask, fillBirthToReview, tapAndWait } from './kiosk-driver.js';

let server: TestChatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describe.skipIf(!HAS_CHROMIUM)('kiosk page in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    // A form takes many messages; the per-connection limit is tested elsewhere.
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // bypassCSP only so axe-core can be injected; the page itself runs under the server's CSP.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    await page.goto(`${server.url}/`);
  });
  afterEach(async () => {
    await context?.close();
  });

  it('shows the start screen in Vietnamese with the common procedures, and switches to English', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect(page.locator('label[for="question"]').textContent()).resolves.toBe('Bạn cần làm thủ tục gì?');
    const labels = await page.locator('.quick-btn').allTextContents();
    expect(labels).toEqual(['Khai sinh', 'Tạm trú', 'Căn cước', 'Chứng thực bản sao', 'Kết hôn', 'Thường trú']);
    const fontSize = await page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)');
    expect(fontSize).toBeGreaterThanOrEqual(20);
    await page.locator('#bigger').click();
    expect(await page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)')).toBeGreaterThan(fontSize as number);
    await page.locator('#lang').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('label[for="question"]').textContent()).resolves.toBe('Which procedure do you need?');
  });

  it('answers a question with a citation card (code, name, QR) and takes feedback', async () => {
    await ask(page, 'đăng ký tạm trú cần giấy tờ gì');
    const answer = page.locator('#log .msg.assistant').last();
    await answer.locator('.citation').first().waitFor();
    expect(await answer.locator('.citation-title').first().textContent()).toBe('Đăng ký tạm trú');
    expect(await answer.locator('.citation-code').first().textContent()).toMatch(/Mã thủ tục: \d\.\d+/);
    await answer.locator('.citation svg.qr').first().waitFor();
    expect(await page.locator('#log').getAttribute('aria-live')).toBe('polite');
    await answer.locator('button.thumb').first().click();
    await answer.locator('.thanks').waitFor();
  });

  it('offers clarifying choices for "chứng thực" and answers the one tapped', async () => {
    await ask(page, 'chứng thực');
    const clarify = page.locator('#log .msg.kind-clarify').last();
    expect(await clarify.locator('button.choice').count()).toBeGreaterThanOrEqual(2);
    await tapAndWait(page, '.kind-clarify button.choice >> nth=0');
    await page.locator('#log .msg.kind-answer .citation').first().waitFor();
  });

  it('takes a hand-over ticket and shows its number big', async () => {
    await ask(page, 'đăng ký tạm trú');
    await page.locator('#handover').click();
    await page.locator('#ticket').waitFor();
    expect(await page.locator('#ticket-number').textContent()).toMatch(/^\d+$/);
    await page.locator('#ticket-close').click();
    expect(await page.locator('#ticket').isHidden()).toBe(true);
  });

  it('pre-fills a birth registration live, from consent to the in-page print view', async () => {
    await fillBirthToReview(page);
    expect(await page.locator('[data-field="tre.ho_ten"] dd').textContent()).toBe('Nguyễn Minh Khôi');
    expect(await page.locator('[data-field="nguoi_yeu_cau.so_dinh_danh"] dd').textContent()).toBe('001090012345');
    expect(await page.locator('#form-title').textContent()).not.toContain('object');
    expect(await page.locator('[data-field="tre.ngay_sinh"] dd').textContent()).toBe('12/03/2024');
    await ask(page, 'đúng rồi');
    const reference = (await page.locator('#dossier .reference').textContent()) ?? '';
    expect(reference).toMatch(/^HS-/);
    // The A4 page opens inside the kiosk page, never in a window of its own.
    const sheet = page.frameLocator('#print-view iframe');
    await expect(sheet.locator('.reference-box .code').textContent()).resolves.toBe(reference);
    expect(context.pages()).toHaveLength(1);
    await page.locator('#print-view button.back').click();
    expect(await page.locator('#print-view').count()).toBe(0);
    await page.locator('#dossier button.print').click();
    await page.locator('#print-view').waitFor();
  });

  it('accepts a long CCCD string with "|" typed by a USB scanner', async () => {
    const qr = '001090012345|123456789|Nguyễn Văn An|01011990|Nam|Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội|10052021';
    await page.locator('#question').pressSequentially(qr, { delay: 0 });
    expect(await page.locator('#question').inputValue()).toBe(qr);
  });

  it('has no serious or critical axe violation on the start screen, an answer, and in high contrast', async () => {
    expect(await findSeriousViolations(page)).toEqual([]);
    await ask(page, 'đăng ký tạm trú cần giấy tờ gì');
    await page.locator('.citation svg.qr').first().waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.locator('#contrast').click();
    expect(await findSeriousViolations(page)).toEqual([]);
  });
});
