// Dropping LinkedIn's export zip on the page (issue 7/9 import path, as a person does it): a real
// `drop` event carrying the zip, built in memory from one owner of the sample (data/sample/), and the
// Import summary ("Files read") then lists every file with what it was recognised as and its counts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';
import { dropFiles, openApp, openTab, runAnalysis, waitForMap, type AppPage } from './helpers';
import { startServer, type StaticServer } from './server';

const DIR = 'data/sample/maya-lindqvist';
const ZIP_NAME = 'Basic_LinkedInDataExport_11-25-2026.zip';
const KINDS: Record<string, string> = {
  'Connections.csv': 'connections',
  'Invitations.csv': 'invitations',
  'Profile.csv': 'profile',
  'messages.csv': 'messages',
};

/** Data rows of a sample CSV (after LinkedIn's "Notes:" preamble, if any), counted with papaparse. */
function countRows(text: string): number {
  const header = text.startsWith('Notes:') ? text.indexOf('First Name,') : 0;
  return Papa.parse(text.slice(header), { header: true, skipEmptyLines: true }).data.length;
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.csv'))
  .sort();
const texts = Object.fromEntries(files.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
const zip = zipSync(Object.fromEntries(files.map((f) => [f, new TextEncoder().encode(texts[f])])));

let server: StaticServer;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openApp(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('import by drop', () => {
  it('reads a dropped export zip and lists every file with its kind and counts', async () => {
    const { page } = app;
    expect(files).toEqual(Object.keys(KINDS).sort());
    const outcome = await runAnalysis(page, () =>
      dropFiles(page, [{ name: ZIP_NAME, bytes: zip, type: 'application/zip' }]),
    );
    expect(outcome).toBeUndefined();
    const map = await waitForMap(page);
    await expect(page.locator('.top .source').textContent()).resolves.toBe(ZIP_NAME);
    // One owner and their connections (some merged with people met in messages and invitations).
    expect(map.nodes).toBeGreaterThan(countRows(texts['Connections.csv']!) * 0.9);

    await openTab(page, 'Import');
    const table = page.getByRole('table', { name: 'Files read' });
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(['File', 'Recognised as', 'Rows', 'Skipped', 'New people', 'Merged']);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
      );
    expect(rows).toHaveLength(files.length);
    for (const f of files) {
      const row = rows.find((r) => r[0] === f || r[0]!.endsWith(`/${f}`));
      expect(row, `${f} is listed`).toBeDefined();
      const [, kind, read, skipped, newPeople] = row!;
      expect(kind, f).toBe(KINDS[f]);
      expect(Number(read) + Number(skipped), `${f}: rows read + skipped`).toBe(countRows(texts[f]!));
      expect(Number(read), f).toBeGreaterThan(0);
      if (f === 'Connections.csv') expect(Number(newPeople)).toBeGreaterThan(1000);
    }
    expect(app.errors).toEqual([]);
  });

  it('says what changed since the last import of the same owner, once the scores are in', async () => {
    const { page } = app;
    // Maya's newer export: her first connection is gone.
    const lines = texts['Connections.csv']!.split('\n');
    const first = lines.findIndex((l) => l.startsWith('First Name,')) + 1;
    const gone = lines[first]!.split(',').slice(0, 2).join(' ');
    lines.splice(first, 1);
    const newer = zipSync(
      Object.fromEntries(
        files.map((f) => [f, new TextEncoder().encode(f === 'Connections.csv' ? lines.join('\n') : texts[f])]),
      ),
    );
    const outcome = await runAnalysis(page, () =>
      dropFiles(page, [{ name: ZIP_NAME, bytes: newer, type: 'application/zip' }]),
    );
    expect(outcome).toBeUndefined();
    await waitForMap(page);
    await openTab(page, 'Import');
    // Compared after the map is drawn: the summary comes with the final scores.
    const summary = page.locator('details.changes summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toMatch(
      /^Since the last import of .+: 0 new connections · 0 changed company or position · 1 no longer there$/,
    );
    await summary.click();
    await expect(page.locator('details.changes p').textContent()).resolves.toBe(`No longer there: ${gone}`);
    expect(app.errors).toEqual([]);
  });
});
