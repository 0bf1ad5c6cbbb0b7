// Takes screenshots of the built app's main states for docs/ (npx tsx scripts/screenshot.ts [out-dir]).
// Uses the same headless Chromium and static server as the browser tests.
import { launch, openPage } from '../test/browser/browser';
import { startServer } from '../test/browser/server';

const out = process.argv[2] ?? 'docs';
const server = await startServer();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-map][data-ready="true"]', { timeout: 240_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/screenshot-map.png` });
  if (errors.length) console.error('console errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
