import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEspeakSynthesizer, createSpeechService } from '../../src/speech/index.js';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask, tapAndWait } from './kiosk-driver.js';
import { startThirdPartySite, type ThirdPartySite } from './third-party-site.js';

// Real eSpeak NG behind the real app: the kiosk asks GET /api/speech and chromium plays the WAV (headless chromium
// plays to a silent sink; the page's `data-speech="playing"` is set by the audio element's `playing` event).

let browser: Browser;
const synthesizer = createEspeakSynthesizer({ workers: 1 });
const speech = createSpeechService({ synthesizer });

async function openKiosk(server: TestChatServer): Promise<{ page: Page; speechRequests: URL[] }> {
  const page = await browser.newPage();
  const speechRequests: URL[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/speech') speechRequests.push(url);
  });
  await page.goto(`${server.url}/`);
  return { page, speechRequests };
}

const speechState = (page: Page) => page.locator('body').getAttribute('data-speech');
const waitForPlaying = (page: Page) => page.locator('body[data-speech="playing"]').waitFor({ timeout: 20_000 });
const waitForSilence = (page: Page) => page.locator('body:not([data-speech])').waitFor({ timeout: 5_000 });

beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await synthesizer.close();
});

describe.skipIf(!HAS_CHROMIUM)('kiosk read-aloud in chromium', { timeout: 120_000 }, () => {
  let server: TestChatServer;
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, appDeps: { getSpeech: () => speech, getWardVoice: () => 'south' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads an answer on "Đọc to" in the ward voice, and a tap elsewhere stops it', async () => {
    const { page, speechRequests } = await openKiosk(server);
    expect(await page.locator('#speech-voice').getAttribute('data-voice')).toBe('south');
    await ask(page, 'đăng ký khai sinh cho con');
    const read = page.locator('#log .msg.assistant').last().locator('button.read-aloud');
    expect(await read.textContent()).toBe('Đọc to');
    await read.click();
    await waitForPlaying(page);
    expect(await read.getAttribute('aria-pressed')).toBe('true');
    expect(await read.textContent()).toBe('Dừng đọc');
    expect(speechRequests.length).toBeGreaterThan(0);
    expect(speechRequests[0]!.searchParams.get('voice')).toBe('south');
    expect(speechRequests[0]!.searchParams.get('text')?.length).toBeGreaterThan(10);

    // The answer's own text: the top corner of the log may sit under the sticky header.
    await page.locator('#log .msg.assistant .text').last().click();
    await waitForSilence(page);
    expect(await read.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('switches voice, reads every answer by itself when asked to, and stops when the citizen types', async () => {
    const { page, speechRequests } = await openKiosk(server);
    await page.locator('#speech-voice').click();
    expect(await page.locator('#speech-voice').getAttribute('data-voice')).toBe('north');
    await page.locator('#speech-auto').click();
    expect(await page.locator('#speech-auto').getAttribute('aria-pressed')).toBe('true');
    await ask(page, 'làm căn cước cần gì');
    await waitForPlaying(page);
    expect(speechRequests.at(-1)!.searchParams.get('voice')).toBe('north');

    await page.locator('#question').press('a');
    await waitForSilence(page);
    expect(await speechState(page)).toBeNull();
    await page.close();
  });

  it('puts "Đọc to" on the questions of a form too', async () => {
    const { page } = await openKiosk(server);
    await tapAndWait(page, '.quick-btn >> nth=0');
    await tapAndWait(page, 'button.choice:has-text("Điền sẵn tờ khai")');
    const formQuestion = page.locator('#log .msg.assistant.kind-form').last();
    await formQuestion.locator('button.read-aloud').click();
    await waitForPlaying(page);
    await page.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('kiosk read-aloud and the idle wipe', { timeout: 120_000 }, () => {
  let server: TestChatServer;
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, kioskIdleSeconds: 4, appDeps: { getSpeech: () => speech, getWardVoice: () => 'central' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stops reading when the idle wipe runs and gives the next citizen the ward settings back', async () => {
    const { page } = await openKiosk(server);
    await page.locator('#speech-voice').click();
    await page.locator('#speech-auto').click();
    await ask(page, 'đăng ký khai sinh cho con');
    await waitForPlaying(page);
    // No touch from here: the answer is read (tens of seconds of audio) until the wipe cuts it.
    await page.locator('#start:not([hidden])').waitFor({ timeout: 20_000 });
    expect(await speechState(page)).toBeNull();
    expect(await page.locator('#speech-auto').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#speech-voice').getAttribute('data-voice')).toBe('central');
    await page.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('widget read-aloud on a third-party site', { timeout: 120_000 }, () => {
  let server: TestChatServer;
  let site: ThirdPartySite;
  beforeAll(async () => {
    site = await startThirdPartySite();
    server = await startChatServer({ uiDir: UI_DIR, allowedOrigins: [site.origin], appDeps: { getSpeech: () => speech, getWardVoice: () => 'central' } });
  });
  afterAll(async () => {
    await server?.close();
    await site?.close();
  });

  it('reads an answer in the ward voice from the assistant origin, and stops on a tap in the panel', async () => {
    site.setWidget(`${server.url}/widget.js`, { lang: 'vi' });
    const page = await browser.newPage({ bypassCSP: true });
    const speechRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/speech') speechRequests.push(url);
    });
    await page.goto(site.url);
    await page.locator('#ward-assistant-widget .launcher').click();
    await page.locator('#ward-assistant-widget input').fill('đăng ký tạm trú cần giấy tờ gì');
    await page.locator('#ward-assistant-widget input').press('Enter');
    const read = page.locator('#ward-assistant-widget .msg.assistant .read-aloud').first();
    await read.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // the ward voice arrives from /api/speech/config (CORS for this site)
    await read.click();
    // The host element has no box of its own (the widget is fixed-position inside it): wait for the attribute only.
    await page.locator('#ward-assistant-widget[data-speech="playing"]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(speechRequests[0]!.origin).toBe(new URL(server.url).origin);
    expect(speechRequests[0]!.searchParams.get('voice')).toBe('central');
    expect(await page.locator('body').getAttribute('data-speech')).toBeNull();
    await page.locator('#ward-assistant-widget .log').click({ position: { x: 3, y: 3 } });
    await page.locator('#ward-assistant-widget:not([data-speech])').waitFor({ state: 'attached', timeout: 5_000 });
    expect(await read.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});
