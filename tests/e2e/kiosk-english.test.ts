import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { tapAndWait } from './kiosk-driver.js';

let server: TestChatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function lastAnswer(): Promise<string> {
  return (await page.locator('#log .msg.assistant').last().textContent()) ?? '';
}

describe.skipIf(!HAS_CHROMIUM)('kiosk in English', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500 });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    page = await context.newPage();
    await page.goto(`${server.url}/`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('answers birth registration from its English texts, marked for review, with the legal deadline and its article', async () => {
    await page.locator('#lang').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await tapAndWait(page, '.quick-btn:text-is("Birth registration")');
    expect(await lastAnswer()).toContain('About “Birth registration” (Đăng ký khai sinh)');

    await tapAndWait(page, 'button.followup:text-is("documents to bring")');
    const documents = await lastAnswer();
    expect(documents).toContain('Birth registration form (tờ khai đăng ký khai sinh)');
    expect(documents).toContain('Papers to show');
    expect(documents).toContain('awaits review by a ward official');
    expect(documents).not.toContain('Giấy tờ phải nộp');

    await tapAndWait(page, 'button.followup:text-is("processing time")');
    const time = await lastAnswer();
    expect(time).toContain('Within 60 days of the birth, the father or mother must register');
    expect(time).toContain('Luật Hộ tịch 60/2014/QH13, Điều 15 khoản 1');
    // The answer still cites the national record on its card.
    await page.locator('#log .msg.assistant').last().locator('.citation').first().waitFor();
    expect(await page.locator('#log .msg.assistant').last().locator('.citation-code').first().textContent()).toContain('1.001193');
  });
});
