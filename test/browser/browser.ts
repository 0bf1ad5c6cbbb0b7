// Launches Debian's Chromium headless through playwright-core, with the flags this machine needs
// (no sandbox as root, no background networking: the network is closed), and collects console errors.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}. Install it with \`sudo apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to another Chromium binary), then run `npm test` again.',
    );
  }
}

export async function launch(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/**
 * Counts the map's pixels that are not background, from a real screenshot (what a person sees; WebGL
 * canvases cannot be read back after compositing). The PNG is decoded by the page itself.
 */
export async function countDrawnPixels(page: Page): Promise<number> {
  const png = await page.locator('[data-map]').screenshot();
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) drawn++;
    return drawn;
  }, png.toString('base64'));
}

/**
 * Wait until the app has started its first analysis (the sample, or a restored import): its progress
 * shows, or its map is drawn. The app starts it only after reading its storage, so files chosen before
 * could be overtaken by the sample (the newer request wins); files chosen after replace it.
 */
export async function waitForFirstAnalysis(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('.status progress, [data-map][data-ready="true"]', { state: 'attached', timeout });
}
