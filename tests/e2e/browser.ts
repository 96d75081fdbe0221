import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const UI_DIR = path.resolve('kiosk-ui', 'dist');

if (!HAS_CHROMIUM) console.warn(`[e2e] skipped: no browser at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

/** Launches headless chromium with everything that would reach the network switched off (plus `extraArgs`). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  });
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page and returns the serious and critical violations (id and the first target). */
export async function findSeriousViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
}

/** Closes the browser contexts a test opened, so that the next test starts from a fresh, logged-out page. */
export async function closeContexts(contexts: BrowserContext[]): Promise<void> {
  while (contexts.length > 0) await contexts.pop()?.close();
}
