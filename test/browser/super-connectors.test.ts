// The Super-connectors list as it is refined (issue 8: the ranking shows as a first estimate from a quarter of
// the sampled sources, then the final one): the list says it is a first estimate, then that it is final; the
// final ranking updates the same list in place, and a keyboard user's focus in it stays in it (not on the page).
// The sample shown at start (3 owners, about 3,400 people: betweenness sampled) goes through both steps.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type WatchedPage } from './browser';
import { waitForLayoutStopped, waitForMap } from './helpers';
import { startServer, type StaticServer } from './server';

/**
 * Installed before the app: notes what the list says, whether its <ol> is replaced, and, as soon as the first
 * estimate is listed, moves the focus to its third entry (as a keyboard user reading it would) and notes who.
 */
const WATCH = `(() => {
  const w = { notes: [], lists: [], focused: undefined, focusedIndex: undefined, focusedAt: -1 };
  window.__sc = w;
  new MutationObserver(() => {
    const section = document.querySelector('section[aria-label="Super-connectors list"]');
    const note = section && section.querySelector('p.hint');
    const text = note && !note.hidden ? note.textContent : '';
    if (text && w.notes[w.notes.length - 1] !== text) w.notes.push(text);
    const list = section && section.querySelector('ol');
    if (list && !w.lists.includes(list)) w.lists.push(list);
    if (!w.focused && list && text.startsWith('First estimate')) {
      const items = list.querySelectorAll('li');
      const button = items[2] && items[2].querySelector('button');
      if (button) {
        button.focus();
        w.focused = button;
        w.focusedAt = 2;
        w.focusedIndex = items[2].dataset.index;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

let server: StaticServer;
let browser: Browser;
let app: WatchedPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openPage(browser, 'about:blank');
  await app.page.addInitScript({ content: WATCH });
  await app.page.goto(server.url);
  await waitForMap(app.page);
  // The layout starts once the final scores are in.
  await waitForLayoutStopped(app.page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Super-connectors list, first estimate then final', () => {
  it('says the first list is an estimate being refined, then that the ranking is final', async () => {
    const notes = await app.page.evaluate(() => (window as unknown as { __sc: { notes: string[] } }).__sc.notes);
    expect(notes).toEqual([
      'Ranking super-connectors… (measuring who bridges the clusters)',
      'First estimate, refining…',
      'Final ranking.',
    ]);
    const note = app.page.getByRole('region', { name: 'Super-connectors list' }).getByRole('status');
    await expect(note.textContent()).resolves.toBe('Final ranking.');
    await expect(
      app.page.getByRole('list', { name: 'Super-connectors' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThan(10);
  });

  it('updates the same list in place, and the entry with the focus keeps it', async () => {
    expect(app.errors).toEqual([]);
    const seen = await app.page.evaluate(() => {
      const w = (
        window as unknown as {
          __sc: { lists: Element[]; focused?: HTMLElement; focusedIndex?: string; focusedAt: number };
        }
      ).__sc;
      const list = document.querySelector('section[aria-label="Super-connectors list"] ol');
      const active = document.activeElement;
      const items = Array.from(list?.querySelectorAll('li') ?? []);
      return {
        lists: w.lists.length,
        same: w.lists[0] === list,
        focusedIndex: w.focusedIndex,
        stillListed: items.some((li) => li.dataset.index === w.focusedIndex),
        activeIsSame: active === w.focused,
        activeInList: Boolean(active && list?.contains(active)),
        activeAt: items.findIndex((li) => li.contains(active)),
        focusedAt: w.focusedAt,
      };
    });
    expect(seen.focusedIndex).toBeDefined();
    expect(seen.lists).toBe(1);
    expect(seen.same).toBe(true);
    expect(seen.activeInList).toBe(true);
    // The person focused in the first estimate keeps the focus where they are now listed; had they left the
    // list, the entry at their place has it.
    if (seen.stillListed) expect(seen.activeIsSame).toBe(true);
    else expect(seen.activeAt).toBe(seen.focusedAt);
  });
});
