/**
 * `npm run bench -- --browser [--sizes 30k,250k] [--runs 5] [--dist DIR] [--build] [--timeout S] [--no-interactions]`
 *
 * Issue 8's targets as a person meets them: the built app in headless Chromium (playwright-core, the
 * same launch as the browser tests), exports from the sample generator chosen through "Open files",
 * and every figure read from what the page shows, timed from the moment the files are chosen (the file
 * input's `change` event):
 *   view received the page receives the worker's first view of the files (its `result` message, seen by a
 *                 wrapper of Worker in the init script): the worker's part of the first map; no target
 *   first map     [data-map] data-ready='true' holding the new network (data-nodes changed)
 *   named         the Clusters legend and the Super-connectors list filled anew
 *   settled       [data-map] data-layout 'stopped' after 'running' (the layout stopped by itself)
 *   longest task  PerformanceObserver 'longtask' entries between the choice and the settled frame; a
 *                 requestAnimationFrame gap monitor over the same span as a cross-check
 *   memory        peak resident memory (VmHWM, /proc) of the renderer process that holds the page and
 *                 its analysis worker (found with CDP SystemInfo.getProcessInfo); not the GPU process
 * then, once the layout has settled:
 *   hover         pointer moved onto a person (found with "Search people", framed at the map's centre)
 *                 → the first frame after the map's data-hovered names them
 *   click         mouse up on that person → the first frame after data-selected is set and the person
 *                 panel shows them
 *   Ask           Enter in "What do you need?" → the first frame after the answer is listed
 *   facet         a click on a facet checkbox → the first frame after the map's data-visible changes
 * Each "first frame after" is the time a requestAnimationFrame callback runs after the DOM change
 * (sigma renders in its own callback of that frame, queued earlier). Marks are taken in the page by a
 * MutationObserver (init script below) with performance.now(), so no round trip to Node is counted.
 *
 * Every run launches a new browser (so the renderer's memory is that run's alone), opens the app,
 * waits for the sample it shows at start to be drawn and its layout stopped, then chooses the files.
 * The page scripts are strings, not functions: tsx would add helpers to functions that the page lacks.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { generateSample } from '../../src/io/sample/generate';
import { launch } from '../browser/browser';
import { startServer } from '../browser/server';
import {
  BROWSER_HELP,
  isBuildStale,
  parseBrowserArgs,
  toBrowserTable,
  type BrowserArgs,
  type BrowserSize,
  type RunFigures,
} from './browser-report';
import { BENCH_SIZES } from './sizes';

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Installed before the app's scripts: long tasks, frame gaps, input event times and DOM-condition marks. */
export const PAGE_SCRIPT = `(() => {
  const b = { t0: -1, longtasks: [], gaps: [], events: {}, marks: {}, armed: {}, base: {}, seenRunning: false };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { b.noLongtask = String(e); }
  let last = 0;
  const loop = (t) => {
    const now = performance.now();
    if (last && now - last > 34) b.gaps.push([last, now - last]);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  // When the page receives the worker's first view of the chosen files (its 'result' message): what comes before is
  // the worker's (and the files' reading), what comes after the page's own work on the new map.
  const W = window.Worker;
  if (W)
    window.Worker = class extends W {
      constructor(url, options) {
        super(url, options);
        this.addEventListener('message', (e) => {
          if (e.data && e.data.type === 'result' && b.t0 >= 0 && b.viewAt === undefined) b.viewAt = performance.now();
        });
      }
    };
  for (const type of ['pointermove', 'mousemove', 'pointerup', 'mouseup', 'click', 'keydown', 'change'])
    window.addEventListener(type, (e) => {
      b.events[type] = performance.now();
      if (type === 'change' && e.target && e.target.type === 'file') b.t0 = performance.now();
    }, true);
  const q = (s) => document.querySelector(s);
  const map = () => q('[data-map]');
  const items = (s) => Array.from(document.querySelectorAll(s));
  const checks = {
    firstMap: () => map()?.dataset.ready === 'true' && map()?.dataset.nodes !== b.base.nodes,
    named: () => {
      if (!b.marks.firstMap) return false;
      const sc = items('ol[aria-label="Super-connectors"] li');
      const cl = items('ul[aria-label="Clusters"] li');
      return sc.length > 0 && cl.length > 0 && !b.base.old.has(sc[0]) && !b.base.old.has(cl[0]);
    },
    settled: () => {
      if (!b.marks.firstMap) return false;
      const layout = map()?.dataset.layout;
      if (layout === 'running') b.seenRunning = true;
      return b.seenRunning && layout === 'stopped';
    },
    // Builds without data-hovered / data-selected (before they were added) are read from the person panel.
    hover: () => map()?.dataset.hovered === undefined
      ? Boolean(q('aside.person h2')) && q('aside.person h2')?.textContent !== b.base.person
      : Boolean(map()?.dataset.hovered) && map()?.dataset.hovered !== b.base.hovered,
    click: () => (map()?.dataset.selected === undefined || Boolean(map()?.dataset.selected)) &&
      Boolean(q('aside.person h2')) && q('aside.person')?.textContent?.includes('Clear selection'),
    ask: () => Boolean(q('.ask-results p.count')) && q('.ask-results p.count') !== b.base.askCount,
    facet: () => map()?.dataset.visible !== b.base.visible,
  };
  const check = (records) => {
    for (const r of records || [])
      if (r.attributeName === 'data-layout' && r.oldValue === 'running' && b.marks.firstMap) b.seenRunning = true;
    for (const name of Object.keys(b.armed)) {
      if (b.marks[name] || !checks[name]()) continue;
      const mark = { dom: performance.now() };
      b.marks[name] = mark;
      delete b.armed[name];
      requestAnimationFrame(() => { mark.frame = performance.now(); });
    }
  };
  b.arm = (...names) => {
    const m = map();
    b.base = {
      nodes: m?.dataset.nodes, visible: m?.dataset.visible, hovered: m?.dataset.hovered || '',
      person: q('aside.person h2')?.textContent,
      askCount: q('.ask-results p.count'),
      old: new Set(items('ol[aria-label="Super-connectors"] li, ul[aria-label="Clusters"] li')),
    };
    for (const n of names) { delete b.marks[n]; b.armed[n] = true; }
    check();
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true,
  });
})();`;

interface PageMarks {
  t0: number;
  /** When the page received the worker's view of the chosen files. */
  viewAt?: number;
  longtasks: [number, number][];
  gaps: [number, number][];
  events: Record<string, number>;
  marks: Record<string, { dom: number; frame?: number }>;
}

const readMarks = (page: Page) => page.evaluate('window.__bench') as Promise<PageMarks>;

/** Wait until the page has the frame mark `name` (or the timeout): the mark, or undefined. */
async function waitForMark(page: Page, name: string, timeout: number) {
  try {
    // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
    await page.waitForFunction(
      (n) => Boolean((window as unknown as { __bench: PageMarks }).__bench.marks[n]?.frame),
      name,
      {
        timeout,
        polling: timeout > 10_000 ? 500 : 20,
      },
    );
  } catch {
    return undefined;
  }
  return (await readMarks(page)).marks[name];
}

/** Newest modification time of the files under these paths. */
function newestMtime(paths: string[]): number[] {
  const out: number[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else out.push(s.mtimeMs);
  };
  paths.forEach(walk);
  return out;
}

/** The built app to serve: --dist, else dist/ when fresh, else a fresh build in a temp folder (dist/ is shared). */
function getBuiltApp(args: BrowserArgs): string {
  if (args.dist) {
    if (!existsSync(join(args.dist, 'index.html'))) throw new Error(`bench --browser: no index.html in ${args.dist}.`);
    return resolve(args.dist);
  }
  const sources = newestMtime(['src', 'data', 'index.html', 'vite.config.ts', 'public']);
  const distIndex = resolve('dist/index.html');
  const built = existsSync(distIndex) ? statSync(distIndex).mtimeMs : undefined;
  if (!args.build && !isBuildStale(built, sources)) return resolve('dist');
  const out = join(tmpdir(), 'netwell-bench-dist');
  log(`building the app into ${out} (dist/ is ${built === undefined ? 'missing' : 'older than the sources'})…`);
  execSync(`npx vite build --outDir ${out} --emptyOutDir --logLevel warn`, { stdio: 'inherit' });
  return out;
}

/** The sample's exports as a person would choose them: each owner's folder as a LinkedIn-style zip, plus the team's CSVs. */
export function writeExports(size: BrowserSize, dir: string): { paths: string[]; mb: number } {
  const sample = generateSample({ ...BENCH_SIZES[size], seed: 1 });
  const folders = new Map<string, Record<string, Uint8Array>>();
  const paths: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const f of sample.files) {
    if (f.path === 'truth.json') continue;
    const slash = f.path.indexOf('/');
    if (slash < 0) {
      const p = join(dir, f.path);
      writeFileSync(p, f.text);
      paths.push(p);
      continue;
    }
    const folder = f.path.slice(0, slash);
    const entries = folders.get(folder) ?? {};
    entries[f.path.slice(slash + 1)] = strToU8(f.text);
    folders.set(folder, entries);
  }
  for (const [folder, entries] of folders) {
    const p = join(dir, `${folder}.zip`);
    writeFileSync(p, zipSync(entries, { level: 6 }));
    paths.push(p);
  }
  const mb = paths.reduce((s, p) => s + statSync(p).size, 0) / 1e6;
  return { paths, mb };
}

/** Resident memory (MB) of Chromium's processes by type, from /proc: peak (VmHWM) and now (VmRSS). */
async function getProcessMemory(
  browser: Browser,
): Promise<{ type: string; pid: number; peakMB: number; rssMB: number; cpuS: number }[]> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  await cdp.detach();
  const out = [];
  for (const p of info.processInfo) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
      out.push({ type: p.type, pid: p.id, peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024, cpuS: p.cpuTime });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

interface RunResult {
  figures: RunFigures;
  notes: string[];
}

/** The earlier of two event times (either may be missing). */
const firstOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

const maxIn = (entries: [number, number][], from: number, to: number) =>
  entries.filter(([start]) => start >= from && start <= to).reduce((m, [, d]) => Math.max(m, d), 0);

export async function measureInteractions(page: Page, figures: RunFigures, notes: string[]): Promise<void> {
  const push = (k: keyof RunFigures, v: number) => (figures[k] ??= []).push(v);
  const t = await page.evaluate('performance.now()');
  const mapBox = await page.locator('[data-map]').boundingBox();
  if (!mapBox) throw new Error('bench --browser: the map has no box on the page.');
  const cx = mapBox.x + mapBox.width / 2;
  const cy = mapBox.y + mapBox.height / 2;
  const people = page.locator('ol[aria-label="Super-connectors"] li button');
  const names = (await page.locator('ol[aria-label="Super-connectors"] li .name').allTextContents()).slice(0, 3);
  for (const [k, name] of names.entries()) {
    log(`    hover and click: ${name}`);
    await page.getByRole('tab', { name: 'Explore' }).click();
    // The list's button selects the person and frames them at the map's centre (400 ms animation).
    await people.nth(k).click();
    await page.waitForTimeout(900);
    const clear = page.getByRole('button', { name: 'Clear selection' });
    if (await clear.count()) await clear.click();
    await page.mouse.move(mapBox.x + 4, mapBox.y + 4);
    await page.waitForTimeout(400);

    await page.evaluate(`window.__bench.arm('hover')`);
    await page.mouse.move(cx, cy);
    const hover = await waitForMark(page, 'hover', 30_000);
    const ev = (await readMarks(page)).events;
    // From the pointer event that comes first (pointermove, then mousemove in the same task): the map
    // may answer in either.
    const moved = firstOf(ev.pointermove, ev.mousemove);
    if (hover?.frame !== undefined && moved !== undefined) push('hover', hover.frame - moved);
    else notes.push(`hover: no one under the pointer at the map's centre after framing ${name}`);

    await page.evaluate(`window.__bench.arm('click')`);
    await page.mouse.down();
    await page.mouse.up();
    const click = await waitForMark(page, 'click', 30_000);
    const ev2 = (await readMarks(page)).events;
    const up = firstOf(ev2.pointerup, ev2.mouseup);
    if (click?.frame !== undefined && up !== undefined) push('click', click.frame - up);
    else notes.push(`click: no selection after a click at the map's centre (${name})`);
    await page.waitForTimeout(300);
    if (await clear.count()) await clear.click();
    await page.mouse.move(mapBox.x + 4, mapBox.y + 4);
    await page.waitForTimeout(300);
  }

  log('    facet');
  // Facet: tick and untick the first industry value (the Filter tab's checkboxes).
  await page.getByRole('tab', { name: 'Filter' }).click();
  const box = page.locator('fieldset.facet-industry input[type="checkbox"]').first();
  for (let k = 0; k < 2; k++) {
    await page.evaluate(`window.__bench.arm('facet')`);
    await box.click({ timeout: 120_000 });
    const facet = await waitForMark(page, 'facet', 60_000);
    const ev = (await readMarks(page)).events;
    if (facet?.frame !== undefined && ev.click !== undefined) push('facet', facet.frame - ev.click);
    else notes.push('facet: the map did not change after a facet click');
    await page.waitForTimeout(300);
  }

  log('    ask');
  // Ask: two needs from the app's own examples.
  await page.getByRole('tab', { name: 'Ask' }).click();
  const need = page.getByRole('searchbox', { name: 'What do you need?' });
  for (const text of ['an accountant in Southern California', 'hire a React developer in Berlin']) {
    await need.fill(text);
    await page.evaluate(`window.__bench.arm('ask')`);
    await need.press('Enter');
    const ask = await waitForMark(page, 'ask', 60_000);
    const ev = (await readMarks(page)).events;
    if (ask?.frame !== undefined && ev.keydown !== undefined) {
      push('ask', ask.frame - ev.keydown);
      const said = await page.locator('.ask-results p.count').textContent();
      notes.push(`ask "${text}": ${Math.round(ask.frame - ev.keydown)} ms on the page; the app says "${said}"`);
    } else notes.push(`ask "${text}": no answer within 60 s`);
    await page.waitForTimeout(300);
  }
  const m = await readMarks(page);
  const now = (await page.evaluate('performance.now()')) as number;
  notes.push(
    `longest main-thread task during the interactions: ${Math.round(maxIn(m.longtasks, t as number, now))} ms; ` +
      `longest frame gap: ${Math.round(maxIn(m.gaps, t as number, now))} ms`,
  );
}

async function runOnce(url: string, files: string[], args: BrowserArgs): Promise<RunResult> {
  const figures: RunFigures = {};
  const notes: string[] = [];
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000); // clicks wait while a loaded machine renders 300,000 links in software
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript({ content: PAGE_SCRIPT });
    await page.goto(url);
    // The sample shown at start: drawn, and its layout stopped (by itself, else by its Stop button).
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-map]')?.dataset.ready === 'true',
      null,
      {
        timeout: args.timeoutMs,
        polling: 500,
      },
    );
    try {
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('[data-map]')?.dataset.layout === 'stopped',
        null,
        {
          timeout: 90_000,
          polling: 500,
        },
      );
    } catch {
      await page.getByRole('button', { name: 'Stop layout' }).click();
      notes.push('the sample shown at start did not settle within 90 s; its layout was stopped');
    }
    await page.waitForTimeout(1_000);
    const before = await getProcessMemory(browser);
    log(`    start sample settled; choosing ${files.length} files`);

    await page.evaluate(`window.__bench.arm('firstMap', 'named', 'settled')`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files' }).click();
    await (await chooser).setFiles(files);
    const settled = await waitForMark(page, 'settled', args.timeoutMs);
    const m = await readMarks(page);
    log(
      `    load: ${Object.entries(m.marks)
        .map(([k, v]) => `${k} ${Math.round((v.frame ?? v.dom) - m.t0)} ms`)
        .join(', ')}`,
    );
    const alert = await page
      .locator('.status [role="alert"]')
      .textContent({ timeout: 100 })
      .catch(() => null);
    if (alert) throw new Error(`bench --browser: the app showed an error: ${alert}`);
    for (const k of ['firstMap', 'named', 'settled'] as const) {
      const mark = m.marks[k];
      if (mark?.frame !== undefined) figures[k] = [mark.frame - m.t0];
    }
    if (m.viewAt !== undefined) figures.viewReceived = [m.viewAt - m.t0];
    const end = settled?.frame ?? ((await page.evaluate('performance.now()')) as number);
    if (!settled) notes.push(`layout not settled within ${args.timeoutMs / 1000} s`);
    if ((m as { noLongtask?: string }).noLongtask)
      notes.push(`no longtask observer: ${(m as { noLongtask?: string }).noLongtask}`);
    figures.longestTask = [maxIn(m.longtasks, m.t0, end)];
    figures.longestGap = [maxIn(m.gaps, m.t0, end)];
    const tasks = m.longtasks.filter(([s]) => s >= m.t0 && s <= end);
    notes.push(
      `long tasks (> 50 ms) during the load: ${tasks.length}, total ${Math.round(tasks.reduce((s, [, d]) => s + d, 0))} ms; ` +
        `top: ${tasks
          .map(([s, d]) => [s - m.t0, d])
          .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
          .slice(0, 5)
          .map(([s, d]) => `${Math.round(d ?? 0)} ms at ${((s ?? 0) / 1000).toFixed(1)} s`)
          .join(', ')}`,
    );
    const data = await page.locator('[data-map]').evaluate((el: HTMLElement) => ({ ...el.dataset }));
    notes.push(`map: ${data.nodes} people, ${data.edges} links drawn`);
    const memory = await getProcessMemory(browser);
    const renderer = memory.filter((p) => p.type === 'renderer').sort((a, b) => b.peakMB - a.peakMB)[0];
    if (renderer) figures.memoryMB = [renderer.peakMB];
    const gpu = memory.find((p) => p.type === 'GPU');
    const rBefore = before.find((p) => p.pid === renderer?.pid);
    const gpuBefore = before.find((p) => p.pid === gpu?.pid);
    if (renderer && rBefore) figures.rendererCpu = [(renderer.cpuS - rBefore.cpuS) * 1000];
    notes.push(
      `CPU time from the choice to the end of the load: renderer (page + worker) ${((renderer?.cpuS ?? NaN) - (rBefore?.cpuS ?? NaN)).toFixed(1)} s, ` +
        `GPU process ${((gpu?.cpuS ?? NaN) - (gpuBefore?.cpuS ?? NaN)).toFixed(1)} s`,
    );
    notes.push(
      `renderer: peak ${Math.round(renderer?.peakMB ?? NaN)} MB, now ${Math.round(renderer?.rssMB ?? NaN)} MB ` +
        `(${Math.round(rBefore?.rssMB ?? NaN)} MB with the start sample, before the choice); ` +
        `GPU process (software WebGL): peak ${Math.round(gpu?.peakMB ?? NaN)} MB`,
    );
    if (!args.noInteractions && settled)
      await measureInteractions(page, figures, notes).catch((e: unknown) =>
        notes.push(`interactions stopped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`),
      );
    if (errors.length) notes.push(`console errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures, notes };
}

export async function main(argv: string[]): Promise<void> {
  const parsed = parseBrowserArgs(argv);
  if (parsed === 'help') {
    console.log(BROWSER_HELP);
    return;
  }
  const args = parsed;
  const root = getBuiltApp(args);
  const server = await startServer(root);
  const started = new Date();
  console.log(`# npm run bench -- --browser, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM ` +
      `(${Math.round(freemem() / 2 ** 30)} free), load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}; headless Chromium (software WebGL); app from ${root}; runs ${args.runs} (median shown)\n`,
  );
  const results: { size: BrowserSize; runs: RunFigures[] }[] = [];
  const details: string[] = [];
  try {
    for (const size of args.sizes) {
      const dir = join(tmpdir(), `netwell-bench-browser-${size}`);
      rmSync(dir, { recursive: true, force: true });
      const { paths, mb } = writeExports(size, dir);
      details.push(
        `\n## ${size}: ${paths.length} files chosen, ${mb.toFixed(1)} MB (${paths.map((p) => p.slice(dir.length + 1)).join(', ')})`,
      );
      const runs: RunFigures[] = [];
      for (let r = 0; r < args.runs; r++) {
        const t = Date.now();
        const { figures, notes } = await runOnce(server.url, paths, args);
        runs.push(figures);
        const line = Object.entries(figures)
          .map(([k, v]) => `${k} ${v.map((x) => Math.round(x)).join('/')}`)
          .join(', ');
        log(`  ${size} run ${r + 1}/${args.runs} (${Math.round((Date.now() - t) / 1000)} s): ${line}`);
        details.push(`- run ${r + 1}: ${line}`, ...notes.map((n) => `  - ${n}`));
      }
      results.push({ size, runs });
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  console.log(toBrowserTable(results));
  console.log(
    `\nmedian of every sample over the runs (load figures: one per run; hover and click: 3 people per run, the top super-connectors; ` +
      `facet: tick and untick once each per run; Ask: 2 needs per run); load average at the end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  console.log(details.join('\n'));
}
