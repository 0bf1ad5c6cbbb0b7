// Shared steps for the browser tests, written as a person uses the app: open it, choose or drop files,
// switch tabs, pick an export and read the downloaded file. Controls are found by role and accessible
// name; the map is read through its data attributes (data-ready, data-nodes, data-visible, data-layout).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './browser';

/** Long enough for the sample on a loaded 2-core machine (20-60 s) with margin. */
export const LOAD_TIMEOUT = 150_000;

/** A file as handed to the page: a name and its bytes, or a path on disk (for big files). */
export type PageFile = { name: string; bytes: Uint8Array; mimeType?: string } | { path: string };

/** What the app's page did, recorded from the moment it opened. */
export interface AppPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every console message, any type, as text. */
  consoleMessages: string[];
  /** Every request URL made by the page, its workers and any page it opened. */
  requests: string[];
  /** Messages of every alert/confirm/prompt dialog (each is dismissed). */
  dialogs: string[];
  /** Every URL the page's main frame showed (navigations and history changes). */
  urls: string[];
}

/** Open the app in a new context and record its requests, console, dialogs and URLs. */
export async function openApp(browser: Browser, url: string): Promise<AppPage> {
  const requests: string[] = [];
  const consoleMessages: string[] = [];
  const dialogs: string[] = [];
  const urls: string[] = [];
  const { page, errors } = await openPage(browser, 'about:blank');
  page.context().on('request', (r) => requests.push(r.url()));
  page.context().on('page', (p) => urls.push(`new page: ${p.url()}`));
  page.on('console', (m) => consoleMessages.push(m.text()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) urls.push(f.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return { page, errors, consoleMessages, requests, dialogs, urls };
}

/** Content-Security-Policy violations reported by the page since it opened (blocked loads, inline code). */
export async function getCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export interface MapData {
  ready: boolean;
  nodes: number;
  edges: number;
  visible: number;
  layout: string;
}

/** The map's data attributes now. */
export async function getMapData(page: Page): Promise<MapData> {
  return page.locator('[data-map]').evaluate((el: HTMLElement) => ({
    ready: el.dataset.ready === 'true',
    nodes: Number(el.dataset.nodes ?? 0),
    edges: Number(el.dataset.edges ?? 0),
    visible: Number(el.dataset.visible ?? 0),
    layout: el.dataset.layout ?? '',
  }));
}

/** Wait until the map is drawn (and, when given, holds exactly `nodes` people). */
export async function waitForMap(page: Page, nodes?: number, timeout = LOAD_TIMEOUT): Promise<MapData> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector<HTMLElement>('[data-map]');
      return el?.dataset.ready === 'true' && (n === null || el.dataset.nodes === String(n));
    },
    nodes ?? null,
    { timeout, polling: 250 },
  );
  return getMapData(page);
}

/** Wait until the map's layout has stopped (by itself, or stopped by the user). */
export async function waitForLayoutStopped(page: Page, timeout = LOAD_TIMEOUT): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-map]')?.dataset.layout === 'stopped',
    null,
    {
      timeout,
      polling: 250,
    },
  );
}

/** The map's camera from its data-camera ("x,y,ratio", set by src/map/mount-map.ts on every move). */
export async function getCamera(page: Page): Promise<{ x: number; y: number; ratio: number }> {
  const [x, y, ratio] = ((await page.locator('[data-map]').getAttribute('data-camera')) ?? '').split(',').map(Number);
  return { x: x!, y: y!, ratio: ratio! };
}

/** Waits until the camera stops moving (sigma animates zooms), and returns where it stopped. */
export async function waitForCameraAtRest(page: Page): Promise<{ x: number; y: number; ratio: number }> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = (await page.locator('[data-map]').getAttribute('data-camera')) ?? '';
    if (now === last) break;
    last = now;
    await page.waitForTimeout(250);
  }
  return getCamera(page);
}

/**
 * Start watching the status line: from now on, `waitForOutcome` resolves when an analysis started
 * after this call has ended, with the error shown (role=alert) or undefined when a new map was drawn.
 */
export async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __netwellTest?: { busy: boolean; done: boolean } };
    const log = { busy: false, done: false };
    w.__netwellTest = log;
    const status = document.querySelector('.status');
    const map = document.querySelector<HTMLElement>('[data-map]');
    const check = (records: MutationRecord[] = []) => {
      if (status?.querySelector('progress')) log.busy = true;
      else if (log.busy && status?.querySelector('[role="alert"]')) log.done = true;
      // data-ready goes 'false' while the map is rebuilt, then 'true' once drawn; both can land in one batch.
      for (const r of records)
        if (log.busy && r.attributeName === 'data-ready' && r.oldValue === 'false' && map?.dataset.ready === 'true')
          log.done = true;
    };
    const observer = new MutationObserver(check);
    if (status) observer.observe(status, { childList: true, subtree: true, attributes: true });
    if (map) observer.observe(map, { attributes: true, attributeFilter: ['data-ready'], attributeOldValue: true });
    check();
  });
}

/** After `watchStatus`: wait for that analysis to end. Returns the alert's text, or undefined for a new map. */
export async function waitForOutcome(page: Page, timeout = LOAD_TIMEOUT): Promise<string | undefined> {
  try {
    await page.waitForFunction(
      () => (window as unknown as { __netwellTest?: { done: boolean } }).__netwellTest?.done === true,
      null,
      { timeout, polling: 200 },
    );
  } catch (e) {
    const status = await page
      .locator('.status')
      .textContent()
      .catch(() => '?');
    const map = await getMapData(page).catch(() => undefined);
    throw new Error(`no outcome within ${timeout} ms; status: "${status}", map: ${JSON.stringify(map)}`, { cause: e });
  }
  const alert = page.locator('.status [role="alert"]');
  return (await alert.count()) ? ((await alert.textContent()) ?? '') : undefined;
}

function toPlaywrightFiles(files: PageFile[]) {
  const paths = files.filter((f): f is { path: string } => 'path' in f).map((f) => f.path);
  if (paths.length) {
    if (paths.length !== files.length) throw new Error('helpers: give either paths or buffers, not both');
    return paths;
  }
  return files.map((f) => {
    const b = f as { name: string; bytes: Uint8Array; mimeType?: string };
    return { name: b.name, mimeType: b.mimeType ?? 'application/octet-stream', buffer: Buffer.from(b.bytes) };
  });
}

/** Choose files through the header's "Open files" button and its file chooser, as a person does. */
export async function chooseFiles(page: Page, files: PageFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files' }).click();
  await (await chooser).setFiles(toPlaywrightFiles(files));
}

/** Choose files, then wait for the analysis to end: the alert's text, or undefined when a map was drawn. */
export async function importFiles(page: Page, files: PageFile[], timeout = LOAD_TIMEOUT): Promise<string | undefined> {
  return runAnalysis(page, () => chooseFiles(page, files), timeout);
}

/** Do something that starts an analysis (a click, a drop), then wait for it: the alert's text, or undefined for a new map. */
export async function runAnalysis(
  page: Page,
  action: () => Promise<unknown>,
  timeout = LOAD_TIMEOUT,
): Promise<string | undefined> {
  await watchStatus(page);
  await action();
  return waitForOutcome(page, timeout);
}

/**
 * Drop files on the page: a real `drop` event with a DataTransfer built in the page (dragenter,
 * dragover, drop), the way a file dragged from the desktop arrives.
 */
export async function dropFiles(
  page: Page,
  files: { name: string; bytes: Uint8Array; type?: string }[],
): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type ?? '',
    b64: Buffer.from(f.bytes).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer });
  await dataTransfer.dispose();
}

/** Open a side-panel tab ("Explore", "Ask", "Filter", "Import"). */
export async function openTab(page: Page, name: 'Explore' | 'Ask' | 'Filter' | 'Import'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor({ timeout: 10_000 });
}

/** The map's "Export" menu options. */
export type ExportOption = 'PNG image' | 'SVG image' | 'GEXF (Gephi)' | 'GraphML' | 'CSV of the people shown';

/** Pick an export in the toolbar's "Export" menu and read the downloaded file. */
export async function downloadExport(page: Page, option: ExportOption): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page
    .getByRole('toolbar', { name: 'Map controls' })
    .getByRole('combobox', { name: 'Export' })
    .selectOption(option);
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's signature and IHDR chunk, or undefined when it is not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Decode a PNG in the page (createImageBitmap, as a browser shows it) and count its pixels that are
 * not near-white: 0 for a blank image. Throws when the browser cannot decode it.
 */
export async function decodePngInPage(
  page: Page,
  bytes: Uint8Array,
): Promise<{ width: number; height: number; drawn: number }> {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let drawn = 0;
    for (let i = 0; i < px.length; i += 4)
      if (px[i + 3]! > 0 && (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235)) drawn++;
    return { width: bitmap.width, height: bitmap.height, drawn };
  }, Buffer.from(bytes).toString('base64'));
}

/** Parse XML in the page with DOMParser: the root element's name, or the parser's error. */
export async function parseXmlInPage(
  page: Page,
  text: string,
  type: 'image/svg+xml' | 'application/xml' = 'application/xml',
): Promise<{ root: string; error?: string; texts: string[]; counts: Record<string, number> }> {
  return page.evaluate(
    ({ text, type }) => {
      const doc = new DOMParser().parseFromString(text, type);
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? undefined;
      const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '');
      const counts: Record<string, number> = {};
      for (const tag of ['node', 'edge', 'circle', 'line', 'path', 'text'])
        counts[tag] = doc.getElementsByTagName(tag).length;
      return { root: doc.documentElement.localName, ...(error ? { error } : {}), texts, counts };
    },
    { text, type },
  );
}

/** The person panel (complementary "Person details"). */
export function getPersonPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Person details' });
}

/** Wait until the person panel's heading is `name`. */
export async function waitForPerson(page: Page, name: string): Promise<void> {
  await getPersonPanel(page).getByRole('heading', { level: 2, name, exact: true }).waitFor({ timeout: 30_000 });
}
