import { createPrintTokens } from '../../src/dossiers/index.js';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine/chat-engine.js';
import { createFormCatalog } from '../../src/chat/forms/catalog.js';
import { loadWardSettings } from '../../src/knowledge/load.js';
import { EntrySchema, SynonymsFileSchema } from '../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../src/retrieval/search/index.js';
import { createApp } from '../../src/server/index.js';
import { attachChatSocket } from '../../src/server/ws/chat-socket.js';
import { openSqliteStorage } from '../../src/storage/index.js';
import { loadCuratedEntries } from '../helpers/chat-server.js';
import { buildCuratedEntry } from '../helpers/knowledge.js';
import { buildSilentLogger } from '../helpers/logger.js';
import { HAS_CHROMIUM, launchBrowser, UI_DIR } from './browser.js';
import { ask } from './kiosk-driver.js';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';

/** A procedure whose official text was tampered with: markup in every field the kiosk shows. */
const hostileEntry = EntrySchema.parse(
  buildCuratedEntry({
    id: 'thu-tuc-thu-nghiem-xss',
    codes: ['9.999999'],
    title: { vi: `Thủ tục thử nghiệm ${IMG}`, en: `Test procedure ${SCRIPT}` },
    summary: { vi: `Thủ tục thử nghiệm nội dung ${SCRIPT} tại phường ${IMG}.`, en: `A test ${IMG}.` },
    aliases: { vi: ['thủ tục thử nghiệm', 'thu tuc thu nghiem', `thử nghiệm ${IMG}`, `thử nghiệm ${SCRIPT}`], en: ['xss test procedure'] },
    documents: [
      { name: `Tờ khai ${IMG}`, note: `Ghi chú ${SCRIPT}` },
      { name: `Bản sao ${SCRIPT}`, group: `Giấy tờ ${IMG}` },
    ],
    legalBasis: [{ title: `Luật ${SCRIPT}`, number: '1/2026' }],
    url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/xss',
  }),
);

/** The real app and socket over the curated entries plus the hostile one, serving the built kiosk. */
async function startServer() {
  const logger = buildSilentLogger();
  const entries = [...(await loadCuratedEntries()), hostileEntry];
  const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge', 'synonyms.yaml'), 'utf8'))).synonyms;
  const retriever = new Retriever({ entries, synonyms, thresholds: DEFAULT_THRESHOLDS });
  const ward = (await loadWardSettings(path.resolve('knowledge', 'ward-settings.example.yaml'))).settings;
  const storage = await openSqliteStorage({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'ward-xss-')), key: randomBytes(32), logger });
  const printTokens = createPrintTokens({ key: randomBytes(32) });
  const engine = new ChatEngine({ retrieval: () => retriever, storage, ward: () => ward, logger, forms: createFormCatalog(), printTokens });
  const app = createApp({ logger, getHealth: () => ({ status: 'ok' }), getSearch: () => (q, k) => retriever.search(q, k), getChat: () => engine, getStorage: () => storage, uiDir: UI_DIR, printTokens });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  const socket = attachChatSocket(server, { engine, logger, trustProxy: false, messagesPerMinute: 500 });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    printTokens,
    async close() {
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}

/** Records every Content-Security-Policy violation the page reports (the listener is added outside the page's CSP). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  // Strings, not functions: the tests compile without the DOM library.
  await page.addInitScript({
    content: 'window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));',
  });
  return async () => (await page.evaluate('window.__violations || []')) as string[];
}

const xssFired = (page: Page) => page.evaluate('window.__xss');

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('markup from knowledge and citizens rendered inert in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Asks about the tampered procedure with the payloads in the question, and its documents; returns the page. */
  async function askHostile(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await ask(page, `thủ tục thử nghiệm ${IMG} ${SCRIPT}`);
    await ask(page, 'thủ tục thử nghiệm cần giấy tờ gì');
    await page.locator('#log .msg.assistant .citation').first().waitFor();
    // Give an injected <img> time to fail and fire its handler, if there were one.
    await page.waitForTimeout(300);
    return page;
  }

  it('shows the text literally and runs nothing, even with the page CSP switched off', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await askHostile(context);
    const citizen = await page.locator('#log .msg.citizen').first().textContent();
    expect(citizen).toContain(IMG);
    expect(citizen).toContain(SCRIPT);
    const log = (await page.locator('#log').textContent()) ?? '';
    expect(log).toContain('Thủ tục thử nghiệm <img src=x onerror="window.__xss=1">');
    expect(log).toContain('Tờ khai <img');
    expect(log).toContain('<script>window.__xss=1</script>');
    expect(await page.locator('#log img, #log script, #log iframe').count()).toBe(0);
    expect(await page.locator('#log [onerror], #log [onload]').count()).toBe(0);
    expect(await xssFired(page)).toBeUndefined();
    await context.close();
  });

  it('runs the kiosk under the server CSP without a single violation, the socket included', async () => {
    const context = await browser.newContext();
    const sockets: string[] = [];
    const kiosk = await context.newPage();
    const kioskViolations = await watchViolations(kiosk);
    kiosk.on('websocket', (ws) => sockets.push(ws.url()));
    await kiosk.goto(`${server.url}/`);
    // The served stylesheet applied: the kiosk's large type, not the browser's 16px default.
    expect(await kiosk.evaluate('getComputedStyle(document.body).fontSize')).not.toBe('16px');
    await ask(kiosk, `thủ tục thử nghiệm ${IMG} ${SCRIPT}`);
    await kiosk.locator('#log .msg.assistant .citation svg.qr').first().waitFor();
    expect(sockets.some((u) => u.endsWith('/ws/chat'))).toBe(true);
    expect(await kioskViolations()).toEqual([]);
    expect(await xssFired(kiosk)).toBeUndefined();
    await context.close();
  });

  it('prints a dossier with markup in its fields as text, styled by the hashed stylesheet, with no violation', async () => {
    const post = (url: string, body: unknown) => fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { sessionId } = (await (await post('/api/chat', { frame: { type: 'hello' } })).json()) as { sessionId: string };
    const values = {
      kinh_gui: `UBND ${IMG}`,
      'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An',
      'nguoi_yeu_cau.noi_cu_tru': `Số 5 ${SCRIPT}`,
      'nguoi_yeu_cau.so_dinh_danh': '001090012345',
      'nguoi_yeu_cau.ngay_cap': '10/05/2021',
      'nguoi_yeu_cau.noi_cap': `Cục ${IMG}`,
      'nguoi_yeu_cau.quan_he': `Cha ${SCRIPT}`,
      'tre.ho_ten': 'Nguyễn Minh Khôi',
      'tre.ngay_sinh': '12/03/2024',
      'tre.noi_sinh': `Bệnh viện ${IMG}`,
      'tre.gioi_tinh': 'nam',
      'tre.dan_toc': 'Kinh',
      'tre.quoc_tich': 'Việt Nam',
      'tre.que_quan': `Nam Định ${SCRIPT}`,
    };
    const created = await post('/api/dossiers', { formId: 'to-khai-khai-sinh', values, sessionId });
    expect(created.status, await created.clone().text()).toBe(201);
    const { reference } = (await created.json()) as { reference: string };

    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/api/dossiers/print?view=embed&token=${encodeURIComponent(server.printTokens.issue(reference).token)}`);
    await page.waitForTimeout(300);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(`Bệnh viện ${IMG}`);
    expect(text).toContain(`Nam Định ${SCRIPT}`);
    expect(await page.locator('body img, body script').count()).toBe(0);
    expect(await xssFired(page)).toBeUndefined();
    // The inline stylesheet applied (allowed by its hash): the title is centred.
    expect(await page.evaluate('getComputedStyle(document.querySelector("h1")).textAlign')).toBe('center');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
