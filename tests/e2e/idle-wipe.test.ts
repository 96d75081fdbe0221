import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask } from './kiosk-driver.js';

let server: TestChatServer;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('kiosk idle wipe in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, kioskIdleSeconds: 2 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('warns with a countdown, then leaves nothing on screen or in storage and sends end to the server', async () => {
    const page = await browser.newPage();
    const sent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    await page.goto(`${server.url}/`);
    await ask(page, 'đăng ký khai sinh cho con');
    await page.evaluate('localStorage.setItem("left-behind", "x"); sessionStorage.setItem("left-behind", "y")');
    await page.locator('#idle').waitFor({ timeout: 10_000 });
    expect(await page.locator('#idle-text').textContent()).toMatch(/\d+ giây/);
    await page.locator('#start').waitFor({ timeout: 10_000 });

    expect(await page.locator('#log').evaluate((n) => n.childElementCount)).toBe(0);
    expect(await page.locator('#form-fields').evaluate((n) => n.childElementCount)).toBe(0);
    expect(await page.locator('#question').inputValue()).toBe('');
    expect(await page.locator('body').innerText()).not.toMatch(/khai sinh cho con/i);
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(sent.some((s) => s.includes('"type":"end"'))).toBe(true);
    await page.close();
  });
});
