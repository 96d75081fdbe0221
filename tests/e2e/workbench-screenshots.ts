// `npx tsx tests/e2e/workbench-screenshots.ts [outDir]`: the officials' workbench in chromium → docs/screenshots/
// workbench-*.png (run `npm run build:ui` first). With an outDir, every screen is written there (for a visual check).
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createTestOfficial, startChatServer } from '../helpers/chat-server.js';
import { launchBrowser, UI_DIR } from './browser.js';

const DOCS = 'docs/screenshots';
const PASSWORD = 'mat-khau-du-dai-1';

/** Seeds a little of everything (gaps, usage, a ticket, a dossier), then photographs the screens. */
async function takeScreenshots(allTo?: string): Promise<void> {
  await mkdir(allTo ?? DOCS, { recursive: true });
  const server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500 });
  await createTestOfficial(server.storage, 'nguyen.lan', 'admin', PASSWORD);
  for (const question of ['làm sổ đỏ cho nhà mới mua ở đâu', 'sổ đỏ nhà mới mua làm ở đâu vậy', 'xin giấy phép nuôi chó']) {
    await server.storage.gaps.add({ question, language: 'vi', reason: 'unanswered', topIds: ['dang-ky-dat-dai-lan-dau'] });
  }
  await server.storage.usage.record([{ metric: 'question', count: 42 }, { metric: 'answered', count: 35 }, { metric: 'handover', count: 4 }, { metric: 'dossier', count: 6 }, { metric: 'procedure', key: 'dang-ky-khai-sinh', count: 12 }, { metric: 'procedure', key: 'dang-ky-tam-tru', count: 9 }]);
  await server.storage.tickets.create({ topic: 'dang-ky-tam-tru' });
  const dossier = await server.storage.dossiers.create({ formId: 'to-khai-khai-sinh', values: { 'tre.ho_ten': 'Nguyễn Minh Khôi', 'tre.ngay_sinh': '2024-03-12', 'me.ho_ten': 'Trần Thị Bình' }, channel: 'kiosk' });
  await server.storage.callbacks.create({ name: 'Trần Văn Bình', phone: '0912345678', language: 'vi', topic: 'dang-ky-ket-hon' });
  const browser = await launchBrowser();
  const shot = async (page: Page, name: string, forDocs = false) => {
    if (allTo) await page.screenshot({ path: `${allTo}/${name}.png`, fullPage: true });
    else if (forDocs) await page.screenshot({ path: `${DOCS}/workbench-${name}.png` });
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shot(page, 'login');
    await page.getByLabel('Tên đăng nhập').fill('nguyen.lan');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('table.entries').waitFor();
    await shot(page, 'entries');
    await page.goto(`${server.url}/admin#/entries/dang-ky-khai-sinh`);
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const fee = page.locator('.editor [data-path="channels.0.fee.text"]').locator('input, textarea');
    await fee.fill('');
    await page.locator('.editor [data-path="channels.0.fee.amountVnd"] input').fill('12.000');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.locator('.error-summary').waitFor();
    await page.locator('.editor [data-path="channels.0"]').scrollIntoViewIfNeeded();
    await shot(page, 'editor', true);
    await fee.fill('12.000 đồng');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.locator('.target .message-ok').waitFor();
    await shot(page, 'saved');
    await page.goto(`${server.url}/admin#/review`);
    await page.locator('.review-item table.diff').waitFor();
    await shot(page, 'review', true);
    await page.goto(`${server.url}/admin#/gaps`);
    await page.locator('.gap-group').first().waitFor();
    await page.getByRole('button', { name: 'Gắn làm cách gọi khác' }).first().click();
    await shot(page, 'gaps');
    await page.goto(`${server.url}/admin#/dashboard`);
    await page.locator('svg.chart-svg').first().waitFor();
    await shot(page, 'dashboard', true);
    await page.goto(`${server.url}/admin#/desk`);
    await page.getByLabel(/Mã hồ sơ \(gõ/).fill(dossier.reference);
    await page.getByLabel(/Mã hồ sơ \(gõ/).press('Enter');
    await page.locator('.dossier .values').waitFor();
    await page.locator('.tickets table').waitFor();
    await page.locator('.callbacks table').waitFor();
    await shot(page, 'desk');
    await page.goto(`${server.url}/admin#/settings`);
    await page.locator('.current').waitFor();
    await shot(page, 'settings');
    await page.goto(`${server.url}/admin#/audit`);
    await page.locator('table.audit').waitFor();
    await shot(page, 'audit');
    await page.goto(`${server.url}/admin#/accounts`);
    await page.locator('table.accounts').waitFor();
    await shot(page, 'accounts');
  } finally {
    await browser.close();
    await server.close();
  }
}

await takeScreenshots(process.argv[2]);
console.log(`screenshots written to ${process.argv[2] ?? DOCS}/`);
process.exit(0);
