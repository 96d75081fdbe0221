import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_SCENARIOS } from '../../bench/forms/scenarios.js';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask, tapAndWait } from './kiosk-driver.js';

// The whole birth registration at the kiosk as a new citizen does it (the 1080×1920 screen), typed as the
// bench's citizen types it, ending on the in-page print view; then "Bắt đầu lại" and the idle wipe leave nothing.
const TYPED = FORM_SCENARIOS.find((s) => s.formId === 'to-khai-khai-sinh' && s.name === 'typed')!;
const SCREENSHOT = 'docs/screenshots/kiosk-print-view.png';

let server: TestChatServer;
let browser: Browser;

/** From the start screen to the saved form: returns the citizen's answering turns (typed messages and taps). */
async function fillBirthRegistration(page: Page): Promise<{ typed: number; taps: number }> {
  let typed = 0;
  let taps = 0;
  await tapAndWait(page, '.quick-btn >> nth=0');
  await tapAndWait(page, 'button.choice:has-text("Điền sẵn tờ khai")');
  await tapAndWait(page, 'button.choice:has-text("Đồng ý")');
  taps += 1;
  // The shipped ward settings are an example: the addressee is asked (a ward with real settings is never asked it).
  const first = (await page.locator('#log .msg.assistant').last().textContent()) ?? '';
  if (/gửi đến cơ quan nào/.test(first)) {
    await ask(page, 'Ủy ban nhân dân phường Cửa Nam');
    typed += 1;
  }
  for (const message of TYPED.messages.slice(1)) {
    await ask(page, message);
    typed += 1;
  }
  return { typed, taps };
}

describe.skipIf(!HAS_CHROMIUM)('a birth registration at the kiosk, to the in-page print view', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500, kioskIdleSeconds: 6 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes at most 12 answering turns and ends on the A4 page with big “In tờ khai” and “Quay lại” buttons', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const turns = await fillBirthRegistration(page);
    expect(turns.typed + turns.taps).toBeLessThanOrEqual(12);

    const view = page.locator('#print-view');
    await view.waitFor();
    const printButton = view.locator('button.print-now');
    const back = view.locator('button.back');
    expect(await printButton.textContent()).toBe('In tờ khai');
    expect(await back.textContent()).toBe('Quay lại');
    // Both in view without scrolling, and big enough to touch.
    for (const button of [printButton, back]) {
      const box = (await button.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(1920);
      expect(box.height).toBeGreaterThanOrEqual(60);
    }
    const sheet = page.frameLocator('#print-view iframe');
    await expect(sheet.locator('[data-field="tre.ho_ten"] .value').textContent()).resolves.toBe('Nguyễn Minh Khôi');
    await expect(sheet.locator('[data-field="cha.ho_ten"] .value').textContent()).resolves.toBe('Nguyễn Văn An');
    await expect(sheet.locator('.signature .name').textContent()).resolves.toBe('Nguyễn Văn An');
    // The link names the dossier with a short-lived token, never the session.
    const src = (await view.locator('iframe').getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/api\/dossiers\/print\?token=HS-/);
    expect(context.pages()).toHaveLength(1);
    await page.waitForTimeout(300);
    await mkdir('docs/screenshots', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // "Quay lại" goes back to the chat; "Bắt đầu lại" removes everything and the link stops working.
    await back.click();
    expect(await view.count()).toBe(0);
    await page.locator('#dossier button.print').click();
    await view.waitFor();
    // The print view covers the page; back on it, "Bắt đầu lại" asks first (a saved form is on screen), then wipes.
    await back.click();
    await page.locator('#restart').click({ timeout: 2_000 });
    await page.locator('#confirm-wipe').click({ timeout: 2_000 });
    expect(await page.locator('#print-view').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Nguyễn Minh Khôi');
    await expect.poll(async () => (await fetch(`${server.url}${src}`)).status, { timeout: 5_000 }).toBe(410);
    const gone = await fetch(`${server.url}${src}`);
    expect(gone.headers.get('content-type')).toMatch(/text\/html/);
    await context.close();
  });

  it('removes the print view at the idle wipe', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await fillBirthRegistration(page);
    await page.locator('#print-view').waitFor();
    // No touch: the countdown runs over the print view, then the start screen comes back with nothing left.
    await page.locator('#start').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('#print-view').count()).toBe(0);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/Nguyễn Minh Khôi|001090012345/);
    await context.close();
  });
});
