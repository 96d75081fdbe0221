import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { findSeriousViolations, HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { waitForAnswers } from './kiosk-driver.js';

let server: TestChatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Taps one key of the on-screen keyboard by its accessible name. */
async function tap(name: string): Promise<void> {
  await page.locator('#osk').getByRole('button', { name, exact: true }).click();
}

/** Taps a sequence: single characters by themselves, longer names (e.g. "dấu sắc", "Dấu cách") as one key. */
async function tapAll(keys: string[]): Promise<void> {
  for (const key of keys) await tap(key);
}

const question = () => page.locator('#question');

describe.skipIf(!HAS_CHROMIUM)('kiosk on-screen keyboard in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
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

  it('types "đăng ký tạm trú" with letter and tone keys, keeps the focus in the input, and sends it with Gửi', async () => {
    const toggle = page.getByRole('button', { name: 'Bàn phím', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#osk').isHidden()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const keyboard = page.getByRole('group', { name: 'Bàn phím ảo' });
    await keyboard.waitFor();

    await page.evaluate('window.inputs = 0; document.getElementById("question").addEventListener("input", () => window.inputs++)');
    await tapAll(['đ', 'ă', 'n', 'g', 'Dấu cách', 'k', 'y', 'dấu sắc']);
    expect(await question().inputValue()).toBe('đăng ký');
    // The composed character, not "y" + U+0301.
    expect((await question().inputValue()).normalize('NFC')).toBe(await question().inputValue());
    expect(await question().inputValue()).toContain('\u00FD');
    expect(await page.evaluate('window.inputs')).toBe(8);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('question');

    // ⌫; a tone tapped twice is removed again, another one replaces the first; then the rest of the words.
    await tapAll(['Dấu cách', 'x', 'Xóa lùi', 't', 'a', 'm', 'dấu nặng', 'dấu nặng', 'dấu ngã', 'dấu nặng']);
    expect(await question().inputValue()).toBe('đăng ký tạm');
    await tapAll(['Dấu cách', 't', 'r', 'u', 'dấu sắc']);
    expect(await question().inputValue()).toBe('đăng ký tạm trú');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('question');

    const before = await page.locator('#log .msg.assistant').count();
    await tap('Gửi');
    await waitForAnswers(page, before + 1);
    expect(await page.locator('#osk').isHidden()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await question().inputValue()).toBe('');
    expect(await page.locator('#log .msg.citizen').last().textContent()).toContain('đăng ký tạm trú');
    const answer = page.locator('#log .msg.assistant').last();
    await answer.locator('.citation').first().waitFor();
    expect(await answer.locator('.citation-title').first().textContent()).toBe('Đăng ký tạm trú');
    expect(await answer.locator('.citation-code').first().textContent()).toMatch(/Mã thủ tục: \d\.\d+/);
  });

  it('inserts at the caret, leaves the physical keyboard and scanner alone, and closes on the toggle and on a wipe', async () => {
    await page.locator('#osk-toggle').click();
    await question().pressSequentially('001090012345|Nguyễn Văn An', { delay: 0 });
    expect(await question().inputValue()).toBe('001090012345|Nguyễn Văn An');
    // Caret after "001090012345": digits and "/" go there, not at the end.
    await page.evaluate('document.getElementById("question").setSelectionRange(12, 12)');
    await tapAll(['1', '0', 'Dấu gạch chéo', '5']);
    expect(await question().inputValue()).toBe('00109001234510/5|Nguyễn Văn An');
    expect(await page.evaluate('document.getElementById("question").selectionStart')).toBe(16);

    await page.locator('#osk-toggle').click();
    expect(await page.locator('#osk').isHidden()).toBe(true);
    await page.locator('#osk-toggle').click();
    await page.locator('#restart').click();
    expect(await page.locator('#osk').isHidden()).toBe(true);
    expect(await page.locator('#osk-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('has big touch targets, English labels in English, and no serious or critical axe violation when open', async () => {
    await page.locator('#osk-toggle').click();
    const sizes = await page.locator('#osk button').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThanOrEqual(10 + 10 + 9 + 7 + 7 + 5 + 4);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(48);
    expect(await page.locator('#osk').getByRole('button', { name: 'dấu hỏi' }).count()).toBe(1);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.locator('#contrast').click();
    expect(await findSeriousViolations(page)).toEqual([]);

    await page.locator('#lang').click();
    expect(await page.locator('#osk-toggle').textContent()).toBe('Keyboard');
    await page.getByRole('group', { name: 'On-screen keyboard' }).waitFor();
    expect(await page.locator('#osk').getByRole('button', { name: 'Send', exact: true }).count()).toBe(1);
    expect(await findSeriousViolations(page)).toEqual([]);
  });
});
