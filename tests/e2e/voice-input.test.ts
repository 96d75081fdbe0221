import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsrClient } from '../../src/speech/transcribe/index.js';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';

// Chromium's fake microphone (a beep) records real webm/opus; a fake ward speech server on port 0 "recognises" it.
let browser: Browser;
let asr: Server;
let asrBase = '';
const uploads: { bytes: number; type: string }[] = [];

describe.skipIf(!HAS_CHROMIUM)('kiosk push-to-talk in chromium', { timeout: 120_000 }, () => {
  let withAsr: TestChatServer;
  let withoutAsr: TestChatServer;
  beforeAll(async () => {
    asr = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        uploads.push({ bytes, type: req.headers['content-type'] ?? '' });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ text: 'làm căn cước cần gì' }));
      });
    });
    await new Promise<void>((resolve) => asr.listen(0, '127.0.0.1', resolve));
    asrBase = `http://127.0.0.1:${(asr.address() as AddressInfo).port}/v1`;
    withAsr = await startChatServer({ uiDir: UI_DIR, appDeps: { transcriber: createAsrClient({ url: asrBase, model: 'whisper-1' }) } });
    withoutAsr = await startChatServer({ uiDir: UI_DIR });
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  });
  afterAll(async () => {
    await browser?.close();
    await withAsr?.close();
    await withoutAsr?.close();
    await new Promise<void>((resolve) => asr?.close(() => resolve()));
  });

  it('shows no microphone when the ward runs no speech server', async () => {
    const page = await browser.newPage();
    await page.goto(`${withoutAsr.url}/`);
    await page.locator('#speech-voice').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('#voice-input').count()).toBe(0);
    await page.close();
  });

  it('records while held, puts the recognised words in the box for the citizen to check, and sends nothing by itself', async () => {
    const page = await browser.newPage();
    const chat: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => chat.push(String(f.payload))));
    await page.goto(`${withAsr.url}/`);
    const mic = page.locator('#voice-input');
    await mic.waitFor();
    expect(await mic.textContent()).toBe('Giữ để nói');
    const box = await mic.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.mouse.down();
    await page.locator('#voice-input[aria-pressed="true"]').waitFor();
    await page.waitForTimeout(1200);
    await page.mouse.up();
    await page.locator('#voice-status', { hasText: /kiểm tra/i }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#question').inputValue()).toBe('làm căn cước cần gì');
    expect(await page.locator('#voice-status').textContent()).toMatch(/kiểm tra/i);
    expect(uploads.at(-1)!.bytes).toBeGreaterThan(100);
    expect(uploads.at(-1)!.type).toMatch(/^multipart\/form-data/);
    expect(chat.some((f) => f.includes('"type":"message"'))).toBe(false);

    await page.locator('#question').press('Enter');
    await page.locator('#log .msg.assistant').first().waitFor({ timeout: 15_000 });
    expect(chat.some((f) => f.includes('làm căn cước cần gì'))).toBe(true);
    await page.close();
  });
});
