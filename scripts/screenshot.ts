// Takes screenshots of the built app's main states for docs/ (npm run screenshots, after npm run build).
// Uses the same headless Chromium and static server as the browser tests.
import { launch, openPage } from '../test/browser/browser';
import { startServer } from '../test/browser/server';

const out = process.argv[2] ?? 'docs';
const server = await startServer();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-map][data-ready="true"]', { timeout: 240_000 });
  await page.waitForSelector('[data-map][data-layout="stopped"]', { timeout: 240_000 }).catch(() => undefined);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/screenshot-map.png` });

  // A super-connector selected: the person panel with reasons and links.
  await page.getByRole('list', { name: 'Super-connectors' }).getByRole('button').first().click();
  await page
    .waitForSelector('section[aria-label="Links and their evidence"] ul', { timeout: 60_000 })
    .catch(() => undefined);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/screenshot-person.png` });
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Ask.
  await page.getByRole('tab', { name: 'Ask' }).click();
  await page.getByLabel('What do you need?').fill('an accountant in Southern California');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await page.waitForSelector('[aria-label="Who to ask"] li', { timeout: 60_000 }).catch(() => undefined);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/screenshot-ask.png` });

  // Presentation mode: cluster names only.
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await page.getByRole('tab', { name: 'Ask' }).click();
  await page
    .locator('.chip', { hasText: 'role:' })
    .first()
    .click()
    .catch(() => undefined);
  await page.getByRole('tab', { name: 'Filter' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/screenshot-presentation.png` });

  // The table: the map's list equivalent.
  await page.getByRole('checkbox', { name: 'Presentation mode' }).uncheck();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/screenshot-table.png` });
  if (errors.length) console.error('console errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
