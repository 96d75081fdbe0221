import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOfficial, startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { findSeriousViolations, HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { startWidgetSites, type ThirdPartySite } from './third-party-site.js';

const PASSWORD = 'mat-khau-du-dai-1';
const PHONE = { width: 390, height: 844 };

let server: TestChatServer;
let allowed: ThirdPartySite;
let stranger: ThirdPartySite;
let sites: Awaited<ReturnType<typeof startWidgetSites>> | undefined;
let browser: Browser;

/** The widget on `site` in a phone-sized page, its panel open; console errors are collected. */
async function openWidget(site: ThirdPartySite): Promise<{ page: Page; consoleErrors: string[] }> {
  site.setWidget(`${server.url}/widget.js`, { lang: 'vi' });
  const page = await browser.newPage({ bypassCSP: true, viewport: PHONE });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(site.url);
  await page.locator('#ward-assistant-widget .launcher').click();
  return { page, consoleErrors };
}

async function say(page: Page, text: string): Promise<void> {
  const widget = page.locator('#ward-assistant-widget');
  const before = await widget.locator('.msg.assistant').count();
  await widget.locator('input#ward-question').fill(text);
  await widget.locator('input#ward-question').press('Enter');
  await widget.locator('.msg.assistant').nth(before).waitFor({ timeout: 15_000 });
}

describe.skipIf(!HAS_CHROMIUM)('widget hand-over and allowed sites in chromium (issue 16)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    sites = await startWidgetSites();
    ({ allowed, stranger } = sites);
    server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500, allowedOrigins: [allowed.origin] });
    await createTestOfficial(server.storage, 'quantri', 'admin', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sites?.close();
  });

  it('offers a call-back after the ward’s contact: consent and phone checked beside their fields, then stored sealed, never a ticket', async () => {
    const { page } = await openWidget(allowed);
    const widget = page.locator('#ward-assistant-widget');
    await say(page, 'đăng ký kết hôn cần giấy tờ gì');
    await say(page, 'cho tôi gặp cán bộ');
    const contact = widget.locator('.msg.assistant').last();
    expect(await contact.locator('p').first().textContent()).toMatch(/cán bộ/);
    await contact.getByRole('button', { name: 'Nhờ cán bộ gọi lại' }).click();
    const form = contact.locator('form.callback-form');
    await expect.poll(() => page.evaluate('document.querySelector("#ward-assistant-widget").shadowRoot.activeElement?.getAttribute("name")')).toBe('name');
    expect(await form.locator('.callback-consent label').textContent()).toMatch(/đồng ý.*mã hóa.*xóa sau 30 ngày/);

    // Nothing ticked, a wrong number: the server names each field and the widget shows it beside it.
    await form.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Bình');
    await form.getByLabel('Số điện thoại', { exact: true }).fill('12345');
    await form.getByRole('button', { name: 'Gửi yêu cầu gọi lại' }).click();
    await form.locator('#ward-callback-1-phone-error').waitFor();
    expect(await form.locator('#ward-callback-1-phone-error').textContent()).toMatch(/Số điện thoại chưa đúng/);
    expect(await form.locator('#ward-callback-1-consent-error').textContent()).toMatch(/đồng ý/);
    expect(await form.getByLabel('Số điện thoại', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await server.storage.callbacks.list()).toEqual([]);
    expect(await findSeriousViolations(page)).toEqual([]);

    await form.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
    await form.locator('input[name="consent"]').check();
    await page.screenshot({ path: 'docs/screenshots/widget-callback.png' });
    await form.getByRole('button', { name: 'Gửi yêu cầu gọi lại' }).click();
    await contact.locator('.callback-done').waitFor();
    expect(await contact.locator('.callback-done').textContent()).toMatch(/sẽ gọi lại cho bạn theo số 0912 345 678/);
    const [stored] = await server.storage.callbacks.list();
    expect(stored).toMatchObject({ name: 'Trần Văn Bình', phone: '0912345678', topic: 'dang-ky-ket-hon', status: 'new' });
    expect(await server.storage.tickets.listToday()).toEqual([]);
    await page.close();
  });

  it('“Gặp cán bộ” under an answer gives the contact and the call-back offer, not a queue ticket', async () => {
    const { page } = await openWidget(allowed);
    const widget = page.locator('#ward-assistant-widget');
    await say(page, 'ai thắng trận bóng đá tối qua');
    const official = widget.locator('.msg.assistant').last().getByRole('button', { name: 'Gặp cán bộ' });
    expect(await official.count()).toBe(1);
    const before = await widget.locator('.msg.assistant').count();
    await official.click();
    await widget.locator('.msg.assistant').nth(before).waitFor();
    await widget.locator('.msg.assistant').last().getByRole('button', { name: 'Nhờ cán bộ gọi lại' }).waitFor();
    expect(await widget.locator('.msg.ticket').count()).toBe(0);
    expect(await server.storage.tickets.listToday()).toEqual([]);
    await page.close();
  });

  it('on a site that is not allowed: the owner reads why in the console, the visitor a polite notice; an admin allows it and it works', async () => {
    const refused = await openWidget(stranger);
    const widget = refused.page.locator('#ward-assistant-widget');
    const notice = widget.locator('.msg.notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Xin lỗi, trợ lý của phường chưa được bật trên trang web này/);
    expect(await notice.textContent()).not.toMatch(/Không kết nối được máy chủ/);
    expect(await widget.getAttribute('data-refused')).toBe('true');
    expect(await widget.locator('input#ward-question').isDisabled()).toBe(true);
    await expect.poll(() => refused.consoleErrors.find((m) => m.includes('[Trợ lý Phường]'))).toBeDefined();
    const message = refused.consoleErrors.find((m) => m.includes('[Trợ lý Phường]'))!;
    expect(message).toContain(stranger.origin);
    expect(message).toContain(`${server.url}/admin#/widget-origins`);
    expect(message).toContain('[Ward Assistant]');
    expect(await findSeriousViolations(refused.page)).toEqual([]);
    await refused.page.screenshot({ path: 'docs/screenshots/widget-refused.png' });
    await refused.page.close();

    // The admin adds the site in the workbench (1366×900); the next page load works, with no restart.
    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await admin.goto(`${server.url}/admin`);
    await admin.getByLabel('Tên đăng nhập').fill('quantri');
    await admin.getByLabel('Mật khẩu').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.locator('#who-name').waitFor();
    await admin.locator('.nav-link[data-nav="widgetOrigins"]').click();
    const list = admin.getByLabel('Địa chỉ trang web, mỗi dòng một địa chỉ');
    await list.waitFor();
    expect(await list.inputValue()).toBe(allowed.origin);
    await list.fill(`${allowed.origin}\n${stranger.origin}/trang-chu`);
    await admin.getByRole('button', { name: 'Lưu danh sách' }).click();
    await admin.locator('.widget-origins .message-error').waitFor();
    expect(await admin.locator('.widget-origins .message-error').textContent()).toMatch(/^Dòng 2: /);
    await list.fill(`${allowed.origin}\n${stranger.origin}`);
    await admin.getByRole('button', { name: 'Lưu danh sách' }).click();
    await admin.locator('.widget-origins .message-ok').waitFor();
    expect(await findSeriousViolationsWithAxe(admin)).toEqual([]);
    await admin.screenshot({ path: 'docs/screenshots/workbench-widget-origins.png' });
    const audit = await server.storage.audit.list({ action: 'settings.widget-origins' });
    expect(audit[0]).toMatchObject({ actor: 'quantri', after: { origins: [allowed.origin, stranger.origin] } });
    await admin.close();

    const welcome = await openWidget(stranger);
    await say(welcome.page, 'đăng ký tạm trú');
    expect(await welcome.page.locator('#ward-assistant-widget .msg.notice').count()).toBe(0);
    expect(await welcome.page.locator('#ward-assistant-widget').getAttribute('data-transport')).toBe('ws');
    await welcome.page.close();
  });
});

/** axe-core needs its script injected; the workbench's CSP forbids that, so it runs in a CSP-free copy of the page. */
async function findSeriousViolationsWithAxe(page: Page): Promise<unknown[]> {
  const copy = await page.context().browser()!.newPage({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  try {
    await copy.context().addCookies(await page.context().cookies());
    await copy.goto(page.url());
    await copy.locator('.widget-origins textarea').waitFor();
    return await findSeriousViolations(copy);
  } finally {
    await copy.close();
  }
}
