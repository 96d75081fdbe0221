// `npm run screenshots`: the real kiosk and widget in chromium → docs/screenshots/*.png (run `npm run build:ui` first).
import { mkdir } from 'node:fs/promises';
import { startChatServer } from '../helpers/chat-server.js';
import { launchBrowser, UI_DIR } from './browser.js';
import { ask, fillBirthToReview } from './kiosk-driver.js';
import { startThirdPartySite } from './third-party-site.js';

const OUT = 'docs/screenshots';

/** Takes the four README screenshots from a fresh in-process server. */
async function takeScreenshots(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const site = await startThirdPartySite();
  const server = await startChatServer({ uiDir: UI_DIR, messagesPerMinute: 500, allowedOrigins: [site.origin] });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.screenshot({ path: `${OUT}/kiosk-start.png` });
    await ask(page, 'đăng ký tạm trú cần giấy tờ gì');
    await page.locator('.citation svg.qr').first().waitFor();
    await page.screenshot({ path: `${OUT}/kiosk-answer.png` });
    await page.goto(`${server.url}/`);
    await fillBirthToReview(page);
    await page.screenshot({ path: `${OUT}/kiosk-form-review.png` });

    site.setWidget(`${server.url}/widget.js`, { lang: 'vi', color: '#0b5', position: 'right' });
    const widgetPage = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    await widgetPage.goto(site.url);
    await widgetPage.locator('#ward-assistant-widget .launcher').click();
    await widgetPage.locator('#ward-assistant-widget input').fill('đăng ký tạm trú cần giấy tờ gì');
    await widgetPage.locator('#ward-assistant-widget input').press('Enter');
    await widgetPage.locator('#ward-assistant-widget .cite a').first().waitFor();
    await widgetPage.screenshot({ path: `${OUT}/widget.png` });
  } finally {
    await browser.close();
    await server.close();
    await site.close();
  }
}

await takeScreenshots();
console.log(`screenshots written to ${OUT}/`);
process.exit(0);
