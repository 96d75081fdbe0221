import { existsSync } from 'node:fs';
import { build } from 'vite';

/** Builds the kiosk page and the widget once before the browser tests, so they always test the current source. */
export default async function setup(): Promise<void> {
  // Without a browser the e2e tests skip, and unit runs should not pay for a build.
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
  await build({ configFile: 'kiosk-ui/vite.config.ts', logLevel: 'warn' });
  await build({ configFile: 'kiosk-ui/vite.widget.config.ts', logLevel: 'warn' });
}
