// Level of detail on a big map (issue 8): WebGL draws at most `maxPeople` people (the largest), and the
// others are drawn on a 2D layer once few enough of them are in view. The cap is 35,000 by default, more
// than the sample has, so these tests lower it with the page address (`?maxPeople=300`) to see it on the
// sample network: the overview draws 300 people in WebGL and none on the detail layer, zooming in brings
// the others onto it, the pointer finds people there, and a page without the parameter draws everyone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, waitForFirstAnalysis } from './browser';
import { openApp, waitForCameraAtRest, waitForLayoutStopped, waitForMap, type AppPage } from './helpers';
import { startServer, type StaticServer } from './server';

let server: StaticServer;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openApp(browser, `${server.url}?maxPeople=300`);
  await waitForFirstAnalysis(app.page);
  await waitForMap(app.page);
  await waitForLayoutStopped(app.page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const data = (page: Page) =>
  page.locator('[data-map]').evaluate((el: HTMLElement) => ({
    nodes: Number(el.dataset.nodes),
    drawn: Number(el.dataset.drawn),
    detail: Number(el.dataset.detail),
  }));

/** Painted (non-transparent) pixels of the detail layer's canvas. */
const detailPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-map] canvas.sigma-detailLayer');
    if (!canvas) return -1;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]) n++;
    return n;
  });

describe('level of detail', () => {
  it('draws the largest people in WebGL and, in the overview, none on the detail layer', async () => {
    const d = await data(app.page);
    expect(d.drawn).toBe(300);
    expect(d.nodes).toBeGreaterThan(1000);
    // Thousands in view, more than the detail layer's 60 (a fifth of the cap): it draws none.
    expect(d.detail).toBe(0);
    expect(await detailPixels(app.page)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('brings the others onto the detail layer when zoomed in, and the pointer finds people there', async () => {
    const { page } = app;
    const box = (await page.locator('[data-map]').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    for (let k = 0; k < 20 && (await data(page)).detail === 0; k++) {
      await page.mouse.wheel(0, -300);
      await waitForCameraAtRest(page);
    }
    const d = await data(page);
    expect(d.detail).toBeGreaterThan(0);
    expect(d.detail).toBeLessThanOrEqual(60);
    expect(await detailPixels(page)).toBeGreaterThan(0);
    // Somewhere on the zoomed map the pointer is over someone (WebGL's people or the layer's).
    const hovered = new Set<string>();
    for (let i = 1; i < 12; i++)
      for (let j = 1; j < 8; j++) {
        await page.mouse.move(box.x + (box.width * i) / 12, box.y + (box.height * j) / 8);
        const h = await page.locator('[data-map]').getAttribute('data-hovered');
        if (h) hovered.add(h);
      }
    expect(hovered.size).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('says when it has shown the final scores, and the worker lays the map out only then', async () => {
    // With WebGL drawing only the largest people (the map built again for the final scores) and without.
    for (const address of [`${server.url}?maxPeople=300`, server.url]) {
      const { page, errors } = await openPage(browser, 'about:blank');
      await page.addInitScript(() => {
        const log: string[] = [];
        (window as unknown as { __messages: string[] }).__messages = log;
        const W = window.Worker;
        window.Worker = class extends W {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            this.addEventListener('message', (e: MessageEvent) => {
              const m = e.data as { type: string; id: number; estimate?: boolean };
              if (m.type === 'scores') log.push(`scores${m.estimate ? ' estimate' : ''} ${m.id}`);
              else if (m.type === 'layout' && !log.includes(`layout ${m.id}`)) log.push(`layout ${m.id}`);
            });
          }
          override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
            const m = message as { type: string; id: number };
            if (m.type === 'drawn') log.push(`drawn ${m.id}`);
            super.postMessage(message, transfer as Transferable[]);
          }
        } as typeof Worker;
      });
      await page.goto(address);
      await waitForFirstAnalysis(page);
      await waitForMap(page);
      await waitForLayoutStopped(page);
      const log = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
      // The map drawn (bridging starts), the first estimate, the final scores, the page's word that they are
      // shown, then the layout.
      const id = /(\d+)$/.exec(log.find((m) => m.startsWith('scores'))!)![1];
      expect(log.filter((m) => m.endsWith(` ${id}`))).toEqual([
        `drawn ${id}`,
        `scores estimate ${id}`,
        `scores ${id}`,
        `drawn ${id}`,
        `layout ${id}`,
      ]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('draws everyone in WebGL without the parameter', async () => {
    const plain = await openApp(browser, server.url);
    await waitForFirstAnalysis(plain.page);
    await waitForMap(plain.page);
    const d = await data(plain.page);
    expect(d.drawn).toBe(d.nodes);
    expect(await plain.page.locator('[data-map] canvas.sigma-detailLayer').count()).toBe(0);
    await plain.page.close();
  });
});
