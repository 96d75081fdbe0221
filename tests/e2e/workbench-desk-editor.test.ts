import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestOfficial, startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { closeContexts, findSeriousViolations, HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';

const PASSWORD = 'mat-khau-du-dai-1';

let server: TestChatServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A logged-in official at 1366×900 (`bypassCSP` so axe-core can be injected). */
async function logIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#who-name').waitFor();
  return page;
}

const focusedPath = (page: Page) =>
  page.evaluate('document.activeElement?.closest("[data-path]")?.dataset.path ?? document.activeElement?.tagName') as Promise<string | undefined>;

describe.skipIf(!HAS_CHROMIUM)('workbench: entry editor navigation and the desk (issue 16) in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500 });
    await createTestOfficial(server.storage, 'bientap', 'editor', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => closeContexts(contexts));

  it('jumps to fees, time, documents, steps and aliases from the section index, and finds a field by its label or value', async () => {
    const page = await logIn('bientap');
    await page.goto(`${server.url}/admin#/entries/dang-ky-khai-sinh`);
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const index = page.getByRole('navigation', { name: 'Đến nhanh các phần' });
    await index.getByRole('button').first().waitFor();
    expect(await index.getByRole('button').allTextContents()).toEqual(['Phí, lệ phí', 'Thời gian giải quyết', 'Giấy tờ cần nộp', 'Các bước thực hiện', 'Cách gọi khác']);
    for (const [name, path] of [['Giấy tờ cần nộp', /^documents$/], ['Cách gọi khác', /^aliases$/], ['Phí, lệ phí', /^channels\.0\.fee$/], ['Các bước thực hiện', /^steps$/], ['Thời gian giải quyết', /^channels\.0\.time/]] as const) {
      await index.getByRole('button', { name }).click();
      expect(await focusedPath(page)).toMatch(path);
      // In view: the section's top is on screen.
      const box = await page.locator('.editor [data-path]').filter({ has: page.locator(':focus') }).first().boundingBox();
      expect(box && box.y < 900).toBe(true);
    }

    // Unmarked letters find the marked label; a result moves the focus into that field.
    const search = page.getByRole('searchbox', { name: 'Tìm trường trong biểu mẫu' });
    await search.fill('muc phi');
    await page.locator('.field-search-count').getByText(/^Tìm thấy \d+ trường\.$/).waitFor();
    const first = page.locator('.field-search-results button').first();
    expect(await first.textContent()).toMatch(/Mức phí/);
    await first.click();
    expect(await focusedPath(page)).toMatch(/^channels\.\d+\.fee\.text$/);
    // By value: the fee's text is found among the results; Enter goes to the first match.
    const feeText = await page.locator('.editor [data-path="channels.0.fee.text"]').locator('input, textarea').inputValue();
    await search.fill(feeText);
    expect(await page.locator('.field-search-results button').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path')))).toContain('channels.0.fee.text');
    const firstPath = await page.locator('.field-search-results button').first().getAttribute('data-path');
    await search.press('Enter');
    expect(await focusedPath(page)).toBe(firstPath);
    await search.fill('không có trường nào như thế');
    await page.locator('.field-search-count').getByText('Không có trường nào khớp.').waitFor();
    await search.fill('muc phi');
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.locator('.editor-nav').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/workbench-editor-nav.png' });
  });

  it('lists the widget’s call-back requests on the desk with the procedure’s title, marks them called and done; dossiers and tickets show titles too', async () => {
    const session = await server.storage.sessions.create({ channel: 'widget', language: 'vi' });
    const request = await server.storage.callbacks.create({ name: 'Trần Văn Bình', phone: '0912345678', language: 'vi', sessionId: session.id, topic: 'dang-ky-ket-hon' });
    await server.storage.dossiers.create({ formId: 'to-khai-ket-hon', values: { 'ben_nu.ho_ten': 'Lê Thị Cúc' }, channel: 'kiosk' });
    await server.storage.tickets.create({ topic: 'dang-ky-khai-tu' });
    const page = await logIn('bientap');
    await page.locator('.nav-link[data-nav="desk"]').click();
    const callbacks = page.locator('section.callbacks');
    const row = callbacks.locator('tr', { hasText: 'Trần Văn Bình' });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([expect.any(String), 'Trần Văn Bình', '0912345678', 'Đăng ký kết hôn', 'Chưa gọi', 'Đã gọiXong']);
    expect(await row.getByRole('link', { name: '0912345678' }).getAttribute('href')).toBe('tel:0912345678');
    // Titles, never internal ids, in the dossiers of the day and the queue.
    const today = page.locator('section.today');
    await today.locator('td', { hasText: 'Tờ khai đăng ký kết hôn' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/to-khai-ket-hon|dang-ky-ket-hon|dang-ky-khai-tu/);
    await page.locator('section.tickets td', { hasText: 'Đăng ký khai tử' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/workbench-desk.png', fullPage: true });

    await row.getByRole('button', { name: 'Đã gọi cho Trần Văn Bình' }).click();
    await row.locator('td', { hasText: /^Đã gọi \(/ }).waitFor();
    expect((await server.storage.callbacks.get(request.id))?.status).toBe('called');
    await row.getByRole('button', { name: 'Xong yêu cầu của Trần Văn Bình' }).click();
    await callbacks.getByText('Không có yêu cầu gọi lại nào đang chờ.').waitFor();
    expect(await server.storage.callbacks.get(request.id)).toMatchObject({ status: 'done', handledBy: 'Cán bộ bientap' });
    const audit = await server.storage.audit.list({ action: 'callback.done' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/Bình|0912345678/);
  });
});
