// The legend on the map (issue 7, "A legend on the map"), as a person sees it on the sample network: a
// region named "Map legend" in a corner of the map that names the largest clusters in the colours the
// Clusters list shows, one grey row for the other clusters, the owners' colour and, when links are
// coloured by evidence, the link colours; a rename shows in it; its toggle folds and unfolds it; it
// names no person; it goes away with the map when the table is shown. One page, tests in order.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitForFirstAnalysis } from './browser';
import { openApp, openTab, waitForMap, type AppPage } from './helpers';
import { startServer, type StaticServer } from './server';

let server: StaticServer;
let browser: Browser;
let app: AppPage;
let page: Page;
/** The owners' names as the Filter tab's "Known by" facet shows them. */
let owners: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openApp(browser, server.url);
  page = app.page;
  await waitForFirstAnalysis(page);
  await waitForMap(page);
  await openTab(page, 'Explore');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const legend = (): Locator => page.getByRole('region', { name: 'Map legend', exact: true });
const toggle = (): Locator => legend().getByRole('button', { name: 'Map legend', exact: true });
const clusterColours = (): Locator => legend().getByRole('list', { name: 'Cluster colours' });

/** The legend's rows: label and swatch colour (as the browser computes it: rgb(…)). */
async function getLegendRows(list: Locator): Promise<{ label: string; color: string }[]> {
  return list.locator('li').evaluateAll((items) =>
    items.map((li) => ({
      label: li.querySelector('.label')?.textContent ?? '',
      color: getComputedStyle(li.querySelector<HTMLElement>('.swatch, .swatch-line')!).backgroundColor,
    })),
  );
}

/** The Clusters list in the side panel: each cluster's name and swatch colour, largest first. */
async function getClustersList(): Promise<{ label: string; color: string }[]> {
  return page
    .getByRole('list', { name: 'Clusters' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => ({
        label: li.querySelector('.name')?.textContent ?? '',
        color: getComputedStyle(li.querySelector<HTMLElement>('.swatch')!).backgroundColor,
      })),
    );
}

describe('the legend on the map', () => {
  it('names the largest clusters in the colours of the Clusters list, greys the rest, and shows owners', async () => {
    await expect(legend().isVisible()).resolves.toBe(true);
    await expect(toggle().getAttribute('aria-expanded')).resolves.toBe('true');
    const rows = await getLegendRows(clusterColours());
    const clusters = await getClustersList();
    expect(clusters.length).toBeGreaterThan(1);
    const coloured = rows.filter((r) => clusters.some((c) => c.label === r.label));
    expect(coloured.length).toBeGreaterThan(1);
    // The legend's coloured clusters are the list's first ones, in order, each with the list's colour.
    expect(coloured).toEqual(clusters.slice(0, coloured.length));
    expect(new Set(coloured.map((r) => r.color)).size).toBe(coloured.length);
    const rest = clusters.slice(coloured.length);
    const grey = rows.find((r) => r.label.startsWith('Other clusters'));
    if (rest.length > 0) {
      expect(grey?.label).toMatch(new RegExp(`^Other clusters \\(${rest.length}\\)`));
      for (const c of rest) expect(c.color).toBe(grey?.color);
    }
    expect(rows.map((r) => r.label)).toContain('Export owners (you and your team)');
    // The legend sits over the map's corner, inside the map's box.
    const [box, map] = await Promise.all([legend().boundingBox(), page.locator('[data-map]').boundingBox()]);
    expect(box && map).toBeTruthy();
    expect(box!.x + box!.width).toBeLessThanOrEqual(map!.x + map!.width + 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(map!.y + map!.height + 1);
    expect(box!.x).toBeGreaterThan(map!.x);
    expect(box!.y).toBeGreaterThan(map!.y);
  });

  it('matches the cluster swatches of the Filter tab', async () => {
    const clusters = await getClustersList();
    await openTab(page, 'Filter');
    const group = page.locator('fieldset.facet-cluster');
    const more = group.getByRole('button', { name: /^Show all \d+ cluster values$/ });
    if (await more.count()) await more.click();
    const facet = await group.locator('label').evaluateAll((labels) =>
      labels.map((l) => ({
        label: [...l.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
        color: getComputedStyle(l.querySelector<HTMLElement>('.swatch')!).backgroundColor,
      })),
    );
    expect(facet.length).toBe(clusters.length);
    for (const row of facet) expect(row.color).toBe(clusters.find((c) => c.label === row.label)?.color);
    owners = await page.locator('fieldset.facet-owner label').evaluateAll((labels) =>
      labels
        .map((l) =>
          [...l.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim(),
        )
        .filter(Boolean),
    );
    await openTab(page, 'Explore');
  });

  it('names no person: not an owner, not a super-connector', async () => {
    const text = (await legend().textContent()) ?? '';
    expect(owners.length).toBeGreaterThan(0);
    for (const name of owners) expect(text).not.toContain(name);
    await page.getByRole('list', { name: 'Super-connectors' }).waitFor({ timeout: 150_000 });
    const people = await page
      .getByRole('list', { name: 'Super-connectors' })
      .locator('.name')
      .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter(Boolean));
    expect(people.length).toBeGreaterThan(0);
    for (const name of people) expect(text).not.toContain(name);
  });

  it('shows a renamed cluster by its new name', async () => {
    const [first] = await getClustersList();
    const renamed = `Harbour friends ${Date.now() % 1000}`;
    await page.getByRole('button', { name: `Rename cluster ${first!.label}`, exact: true }).click();
    const input = page.getByRole('textbox', { name: `New name for cluster ${first!.label}` });
    await input.fill(renamed);
    await input.press('Enter');
    await expect
      .poll(async () => (await getLegendRows(clusterColours())).map((r) => r.label), { timeout: 10_000 })
      .toContain(renamed);
    const rows = await getLegendRows(clusterColours());
    expect(rows.map((r) => r.label)).not.toContain(first!.label);
    expect(rows.find((r) => r.label === renamed)?.color).toBe(first!.color);
  });

  it('folds and unfolds with its toggle, keeping its heading', async () => {
    await toggle().click();
    await expect(toggle().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(clusterColours().isVisible()).resolves.toBe(false);
    await expect(legend().isVisible()).resolves.toBe(true);
    await toggle().press('Enter');
    await expect(toggle().getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(clusterColours().isVisible()).resolves.toBe(true);
  });

  it('lists the link colours by evidence only while links are coloured by evidence', async () => {
    const links = legend().getByRole('list', { name: 'Link colours' });
    await expect(links.count()).resolves.toBe(0);
    const box = page.getByRole('checkbox', { name: 'Colour links by evidence' });
    await box.check();
    await links.waitFor({ timeout: 10_000 });
    const rows = await getLegendRows(links);
    expect(rows.map((r) => r.label)).toContain('Direct connections');
    expect(new Set(rows.map((r) => r.color)).size).toBe(rows.length);
    await box.uncheck();
    await links.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('goes away with the map when the table is shown', async () => {
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => legend().count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect.poll(() => legend().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
