// Issue 16, points 1–4 at the kiosk: a type scale read at arm's length, the ticket that stays on screen and prints as
// an 80 mm slip, "Bắt đầu lại" that asks before a form or ticket goes, and answers shown from their first line.
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { findSeriousViolations, HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask, tapAndWait } from './kiosk-driver.js';

const SHOTS = 'docs/screenshots';

let server: TestChatServer;
let browser: Browser;
let context: BrowserContext | undefined;

async function openKiosk(width: number, height: number): Promise<Page> {
  // bypassCSP only so axe-core can be injected; the page itself runs under the server's CSP.
  context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  return page;
}

/** Computed font size (px) of the first element matching `selector`. */
function fontSize(page: Page, selector: string): Promise<number> {
  return page.evaluate(`parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`) as Promise<number>;
}

/** Every visible button smaller than `min` px in either dimension, by its text. */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('button')]
    .filter((b) => b.offsetParent !== null)
    .map((b) => [b.textContent.trim(), b.getBoundingClientRect()])
    .filter(([, r]) => r.width < ${min} || r.height < ${min})
    .map(([text, r]) => text + ' ' + Math.round(r.width) + '×' + Math.round(r.height))`) as Promise<string[]>;
}

/** The contrast ratio of an element's text colour on white (the card background). */
function contrastOnCard(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => {
    const [r, g, b] = getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color.match(/\\d+/g).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
  })()`) as Promise<number>;
}

describe.skipIf(!HAS_CHROMIUM)('kiosk read at arm\'s length (issue 16)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500 });
    browser = await launchBrowser();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  for (const [width, height, name] of [[1080, 1920, 'portrait'], [1920, 1080, 'landscape']] as const) {
    it(`answers in 24 px, citations in 20 px at full contrast, 56 px targets, labelled A+ (${width}×${height})`, async () => {
      const page = await openKiosk(width, height);
      expect(await fontSize(page, 'body')).toBeGreaterThanOrEqual(24);
      expect(await page.locator('#bigger').innerText()).toBe('A+ Chữ to hơn');
      expect(await page.locator('#smaller').innerText()).toBe('A− Chữ nhỏ hơn');
      expect(await smallTargets(page, 56)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/kiosk-start-${name}.png` });

      await ask(page, 'đăng ký tạm trú cần giấy tờ gì');
      const answer = page.locator('#log .msg.assistant').last();
      await answer.locator('.citation svg.qr').first().waitFor();
      expect(await fontSize(page, '#log .msg.assistant .text')).toBeGreaterThanOrEqual(24);
      for (const part of ['.citation-title', '.citation-code', '.citation-url']) {
        expect(await fontSize(page, `#log .msg.assistant ${part}`), part).toBeGreaterThanOrEqual(20);
        expect(await contrastOnCard(page, `#log .msg.assistant ${part}`), part).toBeGreaterThanOrEqual(12);
      }
      expect(await smallTargets(page, 56)).toEqual([]);
      expect(await findSeriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/kiosk-answer-${name}.png` });

      // A+ grows the text; high contrast keeps every target and label.
      await page.locator('#bigger').click();
      expect(await fontSize(page, '#log .msg.assistant .text')).toBeGreaterThan(24);
      await page.locator('#contrast').click();
      expect(await page.locator('#contrast').getAttribute('aria-pressed')).toBe('true');
      expect(await findSeriousViolations(page)).toEqual([]);
    });
  }

  it('keeps the ticket on screen as a card after the announcement, and prints it as an 80 mm slip', async () => {
    const page = await openKiosk(1080, 1920);
    await ask(page, 'đăng ký tạm trú');
    await page.locator('#handover').click();
    await page.locator('#ticket').waitFor();
    const number = await page.locator('#ticket-number').textContent();
    expect(number).toMatch(/^\d+$/);
    await page.locator('#ticket-close').click();
    expect(await page.locator('#ticket').isHidden()).toBe(true);
    const card = page.locator('#ticket-card');
    expect(await card.isVisible()).toBe(true);
    expect(await page.locator('#ticket-card-number').textContent()).toBe(number);
    expect(await page.locator('#ticket-card-wait').textContent()).toMatch(/Bạn là người tiếp theo|Trước bạn \d+ người, khoảng \d+ phút/);
    expect(await page.locator('#ticket-card-counter').textContent()).toMatch(/^(Quầy số \d+|Cán bộ sẽ gọi số của bạn)$/);
    expect(await findSeriousViolations(page)).toEqual([]);

    // Further answers scroll under it: the card stays in view (the top of the page is sticky).
    await ask(page, 'đăng ký tạm trú cần giấy tờ gì');
    await ask(page, 'lệ phí bao nhiêu');
    const cardBox = await card.boundingBox();
    expect(cardBox && cardBox.y >= 0 && cardBox.y + cardBox.height <= 1920).toBe(true);
    await page.screenshot({ path: `${SHOTS}/kiosk-ticket-card.png` });

    // Asked again in words: the same ticket, the same card.
    await ask(page, 'tôi muốn gặp cán bộ');
    await page.locator('#ticket-close').click();
    expect(await page.locator('#ticket-card-number').textContent()).toBe(number);

    // The slip: window.print() with only the slip on paper, 80 mm wide.
    await page.evaluate('window.printed = []; window.print = () => window.printed.push(document.body.className)');
    await page.locator('#ticket-card-print').click();
    expect(await page.evaluate('window.printed')).toEqual([expect.stringContaining('printing-slip')]);
    await expect.poll(() => page.locator('body').getAttribute('class')).not.toContain('printing-slip');
    await page.evaluate("document.body.classList.add('printing-slip')");
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#slip').isVisible()).toBe(true);
    expect(await page.locator('#slip-number').textContent()).toBe(number);
    expect(await page.locator('#main').isVisible()).toBe(false);
    expect(await page.locator('#top').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Math.round(Number(box?.[1]) / 72 * 25.4)).toBe(80);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate("document.body.classList.remove('printing-slip')");

    // An official calls it on the desk: the card follows (GET /api/tickets/:id every 10 s), then leaves when done.
    const ticket = (await server.storage.tickets.listToday()).find((t) => String(t.number) === number);
    await server.storage.tickets.call(ticket?.id ?? '', 3);
    await expect.poll(() => page.locator('#ticket-card-wait').textContent(), { timeout: 15_000 }).toBe('Đến lượt bạn! Mời bạn đến quầy');
    expect(await page.locator('#ticket-card-counter').textContent()).toBe('Quầy số 3');
    expect(await card.getAttribute('class')).toContain('called');
    await page.screenshot({ path: `${SHOTS}/kiosk-ticket-called.png` });
    await server.storage.tickets.finish(ticket?.id ?? '');
    await expect.poll(() => card.isHidden(), { timeout: 15_000 }).toBe(true);
  });

  it('asks before "Bắt đầu lại" takes a ticket away; "Không, tiếp tục" keeps everything', async () => {
    const page = await openKiosk(1080, 1920);
    // Nothing to lose: it starts over at once.
    await ask(page, 'đăng ký tạm trú');
    await page.locator('#restart').click();
    expect(await page.locator('#confirm-restart').isHidden()).toBe(true);
    expect(await page.locator('#start').isVisible()).toBe(true);

    await page.locator('#handover').click();
    await page.locator('#ticket-close').click();
    await page.locator('#restart').click();
    const dialog = page.locator('#confirm-restart');
    await dialog.waitFor();
    expect(await page.locator('#confirm-text').textContent()).toContain('Số thứ tự của bạn sẽ không còn trên màn hình');
    expect(await page.evaluate('document.activeElement.id')).toBe('confirm-stay');
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/kiosk-confirm-restart.png` });
    await page.locator('#confirm-stay').click();
    expect(await dialog.isHidden()).toBe(true);
    expect(await page.locator('#ticket-card').isVisible()).toBe(true);
    // Escape also keeps it; "Xóa hết và bắt đầu lại" wipes.
    await page.locator('#restart').click();
    await page.keyboard.press('Escape');
    expect(await dialog.isHidden()).toBe(true);
    await page.locator('#restart').click();
    await page.locator('#confirm-wipe').click();
    expect(await page.locator('#ticket-card').isHidden()).toBe(true);
    expect(await page.locator('#start').isVisible()).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(/Số thứ tự của bạn/);
  });

  it('asks before "Bắt đầu lại" takes a half-filled form away', async () => {
    const page = await openKiosk(1080, 1920);
    await tapAndWait(page, '.quick-btn >> nth=0');
    await tapAndWait(page, 'button.choice:has-text("Điền sẵn tờ khai")');
    await tapAndWait(page, 'button.choice:has-text("Đồng ý")');
    await page.locator('#form-view:not([hidden])').waitFor();
    await page.locator('#restart').click();
    await page.locator('#confirm-restart').waitFor();
    expect(await page.locator('#confirm-text').textContent()).toBe('Tờ khai bạn đang điền sẽ bị xóa.');
    await page.locator('#confirm-stay').click();
    expect(await page.locator('#form-view').isVisible()).toBe(true);
    await page.locator('#restart').click();
    await page.locator('#confirm-wipe').click();
    expect(await page.locator('#form-view').isHidden()).toBe(true);
  });

  it('shows a long answer from its first line, below the sticky header, lists the papers the overview counts and the legal time limit', async () => {
    const page = await openKiosk(1080, 1920);
    await ask(page, 'đăng ký khai sinh');
    const overview = page.locator('#log .msg.assistant').last();
    const text = (await overview.locator('.text').textContent()) ?? '';
    const counted = /Hồ sơ gồm (\d+) loại giấy tờ:/.exec(text);
    if (counted) {
      for (let i = 1; i <= Number(counted[1]); i++) expect(text).toMatch(new RegExp(`\\n${i}\\. \\S`));
    }
    // The time follow-up says once that the record gives no unit, and where to ask.
    await tapAndWait(page, '.followups button:has-text("thời gian giải quyết")');
    const time = (await page.locator('#log .msg.assistant .text').last().textContent()) ?? '';
    expect(time.match(/không ghi đơn vị/g)).toHaveLength(1);
    expect(time).toMatch(/hỏi cán bộ tại quầy/);
    // The legal time limit the curated entry states, with its article.
    expect(time).toMatch(/Thời hạn theo luật[\s\S]*60 ngày[\s\S]*Luật Hộ tịch/);
    expect(text).not.toMatch(/không ghi đơn vị/);

    // A long answer (every paper, with notes): its first line is in view, under the sticky top.
    await tapAndWait(page, '.followups button:has-text("giấy tờ cần mang") >> nth=-1');
    const last = page.locator('#log .msg.assistant').last();
    await page.waitForTimeout(300);
    const box = await last.boundingBox();
    const bar = await page.locator('#top').boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual((bar?.height ?? 0) - 1);
    expect(box?.y).toBeLessThan(1920 / 2);
    // Taller than the screen: scrolled to its end, its first line would be out of sight.
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(1920);
  });
});
